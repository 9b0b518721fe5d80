package shop;

import java.util.logging.Level;
import java.util.logging.Logger;

public final class OrderService {
    public static final class RepositoryException extends RuntimeException {
        public RepositoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class ServiceException extends Exception {
        public ServiceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    private final OrderStore store;

    public OrderService(OrderStore store) {
        this.store = store;
    }

    private Order fetch(String id) {
        try {
            return store.get(id);
        } catch (OrderStore.StorageException e) {
            LOG.log(Level.WARNING, "storage failure while fetching order " + id, e);
            throw new RepositoryException("query for order " + id + " failed", e);
        }
    }

    public long invoiceTotal(String id) throws ServiceException {
        try {
            Order order = fetch(id);
            if (order == null) {
                throw new ServiceException("no such order: " + id, null);
            }
            long total = order.totalCents();
            return total + shippingCents(order);
        } catch (RepositoryException e) {
            throw new ServiceException("cannot invoice order " + id, e);
        }
    }

    static long shippingCents(Order order) {
        if (order.totalCents() >= 5000) {
            return 0;
        }
        return 495;
    }
}

package shop;

import java.util.HashMap;
import java.util.Map;

/** An in-memory store of encoded order records, the way the service's storage layer keeps them. */
public final class OrderStore {
    public static final class StorageException extends RuntimeException {
        public StorageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Map<String, String> records = new HashMap<>();

    public void put(Order order) {
        records.put(order.id(), OrderCodec.encode(order));
    }

    public void putRaw(String id, String record) {
        records.put(id, record);
    }

    public Order get(String id) {
        String record = records.get(id);
        if (record == null) {
            return null;
        }
        try {
            return OrderCodec.decode(record);
        } catch (RuntimeException e) {
            throw new StorageException("corrupt record for order " + id, e);
        }
    }
}

package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
    private OrderStore store;
    private OrderService service;

    @BeforeEach
    void setUp() {
        store = new OrderStore();
        store.put(new Order("S1").add("lamp", 1, 2999));
        store.put(new Order("S2").add("desk", 1, 18900).add("chair", 2, 7450));
        service = new OrderService(store);
    }

    @Test
    void smallOrderPaysShipping() throws Exception {
        assertEquals(2999 + 495, service.invoiceTotal("S1"));
    }

    @Test
    void largeOrderShipsFree() throws Exception {
        assertEquals(18900 + 2 * 7450, service.invoiceTotal("S2"));
    }

    @Test
    void unknownOrder() {
        OrderService.ServiceException e = assertThrows(OrderService.ServiceException.class, () -> service.invoiceTotal("nope"));
        assertEquals("no such order: nope", e.getMessage());
    }

    @Test
    void corruptRecordIsWrapped() {
        store.putRaw("S9", "S9|lamp:1:29.99");
        OrderService.ServiceException e = assertThrows(OrderService.ServiceException.class, () -> service.invoiceTotal("S9"));
        assertEquals(OrderService.RepositoryException.class, e.getCause().getClass());
    }
}

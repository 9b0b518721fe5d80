package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OrderCodecTest {
    @Test
    void roundTrip() {
        Order order = new Order("B7").add("cup", 2, 399).add("tea", 1, 1250);
        String text = OrderCodec.encode(order);
        assertEquals("B7|cup:2:399,tea:1:1250", text);
        Order back = OrderCodec.decode(text);
        assertEquals(order.totalCents(), back.totalCents());
        assertEquals(2, back.lines().size());
    }

    @Test
    void emptyOrder() {
        assertEquals(0, OrderCodec.decode("C1|").lines().size());
    }

    @Test
    void rejectsMissingBar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrderCodec.decode("nobar"));
        assertEquals("missing '|' in order record: nobar", e.getMessage());
    }
}

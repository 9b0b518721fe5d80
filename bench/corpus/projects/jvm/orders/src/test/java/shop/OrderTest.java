package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderTest {
    @Test
    void totalsLines() {
        Order order = new Order("A1").add("pen", 3, 150).add("pad", 1, 425);
        assertEquals(875, order.totalCents());
        assertEquals(4, order.itemCount());
    }

    @Test
    void rejectsZeroQuantity() {
        assertThrows(IllegalArgumentException.class, () -> new Order("A2").add("pen", 0, 150));
    }

    @ParameterizedTest(name = "{0} x {1} cents = {2}")
    @CsvSource({"1, 100, 100", "3, 333, 999", "10, 250, 2500", "7, 0, 0"})
    void lineTotals(int quantity, long unit, long expected) {
        assertEquals(expected, new Order.Line("x", quantity, unit).totalCents());
    }

    @Test
    @DisplayName("large quantities do not overflow")
    void largeQuantities() {
        Order order = new Order("A3").add("bolt", 2_000_000, 1_500);
        assertEquals(3_000_000_000L, order.totalCents());
    }
}

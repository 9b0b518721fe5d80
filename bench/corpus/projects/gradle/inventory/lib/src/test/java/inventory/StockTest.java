package inventory;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import org.junit.Test;

public class StockTest {
    private static final Sku BOLT = Sku.of("BLT-0010");

    private Stock stockWith(int units) {
        Stock stock = new Stock();
        stock.receive(BOLT, units);
        return stock;
    }

    @Test
    public void receivedUnitsAreAvailable() {
        assertEquals(12, stockWith(12).available(BOLT));
    }

    @Test
    public void reservingReducesAvailability() {
        Stock stock = stockWith(10);
        assertEquals(4, stock.reserve(BOLT, 4));
        assertEquals(6, stock.available(BOLT));
    }

    @Test
    public void reserveMoreThanAvailableGrantsWhatIsThere() {
        Stock stock = stockWith(3);
        assertEquals(3, stock.reserve(BOLT, 5));
    }

    @Test
    public void shippingReducesOnHand() {
        Stock stock = stockWith(10);
        stock.reserve(BOLT, 4);
        stock.ship(BOLT, 4);
        assertEquals(6, stock.available(BOLT));
    }

    @Test(expected = IllegalStateException.class)
    public void shippingUnreservedUnitsFails() {
        stockWith(10).ship(BOLT, 1);
    }

    @Test
    public void importSkipsBadLinesAndLogsThem() {
        Stock stock = new Stock();
        int imported = stock.importCounts(Arrays.asList("BLT-0010, 5", "NUT-00x1, 7", "NUT-0001, 9"));
        assertEquals(2, imported);
        assertEquals(5, stock.available(BOLT));
    }
}

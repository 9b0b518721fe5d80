package inventory.app;

import static org.junit.Assert.assertEquals;

import inventory.ReorderPolicy;
import inventory.Sku;
import inventory.Stock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

public class ReorderReportTest {
    @Test
    public void listsSkusBelowTheirReorderPoint() {
        Stock stock = new Stock();
        stock.receive(Sku.of("BLT-0010"), 5);
        stock.receive(Sku.of("NUT-0001"), 500);
        Map<Sku, ReorderPolicy> policies = new LinkedHashMap<>();
        policies.put(Sku.of("BLT-0010"), new ReorderPolicy(20, 100, 12));
        policies.put(Sku.of("NUT-0001"), new ReorderPolicy(50, 400, 100));
        assertEquals(Collections.singletonList("BLT-0010: order 96 (available 5)"), ReorderReport.lines(stock, policies));
    }
}

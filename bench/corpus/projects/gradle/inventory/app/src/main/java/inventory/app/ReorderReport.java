package inventory.app;

import inventory.ReorderPolicy;
import inventory.Sku;
import inventory.Stock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One line per SKU that needs reordering: "SKU: order N (available M)". */
public final class ReorderReport {
    public static List<String> lines(Stock stock, Map<Sku, ReorderPolicy> policies) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Sku, ReorderPolicy> entry : policies.entrySet()) {
            int available = stock.available(entry.getKey());
            int quantity = entry.getValue().failoverQuantity(available);
            if (quantity > 0) {
                out.add(entry.getKey() + ": order " + quantity + " (available " + available + ")");
            }
        }
        return out;
    }
}

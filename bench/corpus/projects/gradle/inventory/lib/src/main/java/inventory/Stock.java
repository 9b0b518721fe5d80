package inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Units on hand and reserved, per SKU. */
public final class Stock {
    private static final Logger LOG = Logger.getLogger(Stock.class.getName());
    private final Map<Sku, Integer> onHand = new LinkedHashMap<>();
    private final Map<Sku, Integer> reserved = new LinkedHashMap<>();

    public void receive(Sku sku, int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        onHand.merge(sku, units, Integer::sum);
    }

    public int available(Sku sku) {
        return onHand.getOrDefault(sku, 0) - reserved.getOrDefault(sku, 0);
    }

    /** Reserves up to {@code units}; returns how many were reserved. */
    public int reserve(Sku sku, int units) {
        int granted = Math.min(units, available(sku));
        if (granted > 0) {
            reserved.merge(sku, granted, Integer::sum);
        }
        return granted;
    }

    public void ship(Sku sku, int units) {
        int held = reserved.getOrDefault(sku, 0);
        if (units > held) {
            throw new IllegalStateException("shipping " + units + " of " + sku + " but only " + held + " reserved");
        }
        reserved.put(sku, held - units);
        onHand.put(sku, onHand.get(sku) - units);
    }

    /** Counts a warehouse report; a bad line is logged and skipped so one typo does not stop the count. */
    public int importCounts(Iterable<String> lines) {
        int imported = 0;
        for (String line : lines) {
            try {
                String[] parts = line.split(",");
                receive(Sku.of(parts[0]), Integer.parseInt(parts[1].trim()));
                imported++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Bad things in stock report line '" + line + "', skipped", e);
            }
        }
        return imported;
    }
}

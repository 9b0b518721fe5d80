package shop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public final class Order {
    public record Line(String sku, int quantity, long unitCents) {
        public Line {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive: " + quantity);
            }
        }

        public long totalCents() {
            return quantity * unitCents;
        }
    }

    private final String id;
    private final List<Line> lines = new ArrayList<>();

    public Order(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Order add(String sku, int quantity, long unitCents) {
        lines.add(new Line(sku, quantity, unitCents));
        return this;
    }

    public List<Line> lines() {
        return Collections.unmodifiableList(lines);
    }

    public long totalCents() {
        long total = 0;
        for (Line line : lines) {
            total += line.totalCents();
        }
        return total;
    }

    public int itemCount() {
        int count = 0;
        for (Line line : lines) {
            count += line.quantity();
        }
        return count;
    }
}

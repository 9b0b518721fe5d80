package shop;

/** Reads and writes orders as "id|sku:qty:cents,sku:qty:cents". */
public final class OrderCodec {
    private OrderCodec() {
    }

    public static String encode(Order order) {
        StringBuilder out = new StringBuilder(order.id()).append('|');
        boolean first = true;
        for (Order.Line line : order.lines()) {
            if (!first) {
                out.append(',');
            }
            out.append(line.sku()).append(':').append(line.quantity()).append(':').append(line.unitCents());
            first = false;
        }
        return out.toString();
    }

    public static Order decode(String text) {
        int bar = text.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("missing '|' in order record: " + text);
        }
        Order order = new Order(text.substring(0, bar));
        String body = text.substring(bar + 1);
        if (body.isEmpty()) {
            return order;
        }
        for (String item : body.split(",")) {
            String[] parts = item.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("bad line item: " + item);
            }
            try {
                order.add(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad quantity or price in line item: " + item, e);
            }
        }
        return order;
    }
}

package inventory;

import java.util.Objects;
import java.util.regex.Pattern;

/** A stock-keeping unit code like "ABC-1234". */
public final class Sku {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}-\\d{4}");
    private final String code;

    private Sku(String code) {
        this.code = code;
    }

    public static Sku of(String text) {
        String code = text.trim().toUpperCase();
        if (!FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("not a SKU: '" + text + "'");
        }
        return new Sku(code);
    }

    public String code() {
        return code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sku && ((Sku) other).code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code;
    }
}

package com.acme.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages of amounts in cents, rounded half-even (banker's rounding) as the ledger requires. */
public final class Percent {
    private Percent() {
    }

    public static long of(long cents, int basisPoints) {
        BigDecimal exact = BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(basisPoints)).divide(BigDecimal.valueOf(10_000));
        return exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** @deprecated rounds through double; use {@link #of(long, int)}. Kept for the failover importer. */
    @Deprecated
    public static long failSafeOf(long cents, double percent) {
        return Math.round(cents * percent / 100.0);
    }
}

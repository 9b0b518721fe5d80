package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3515 basis points of twelve amounts, half-even. */
public class Rate095Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3515));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3515));
    }

    @Test
    public void amount03() {
        assertEquals(18L, Percent.of(50L, 3515));
    }

    @Test
    public void amount04() {
        assertEquals(35L, Percent.of(99L, 3515));
    }

    @Test
    public void amount05() {
        assertEquals(35L, Percent.of(100L, 3515));
    }

    @Test
    public void amount06() {
        assertEquals(52L, Percent.of(149L, 3515));
    }

    @Test
    public void amount07() {
        assertEquals(88L, Percent.of(250L, 3515));
    }

    @Test
    public void amount08() {
        assertEquals(351L, Percent.of(999L, 3515));
    }

    @Test
    public void amount09() {
        assertEquals(353L, Percent.of(1005L, 3515));
    }

    @Test
    public void amount10() {
        assertEquals(4339L, Percent.of(12345L, 3515));
    }

    @Test
    public void amount11() {
        assertEquals(35150L, Percent.of(99999L, 3515));
    }

    @Test
    public void amount12() {
        assertEquals(351500L, Percent.of(1000000L, 3515));
    }
}

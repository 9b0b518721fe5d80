package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4292 basis points of twelve amounts, half-even. */
public class Rate116Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4292));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4292));
    }

    @Test
    public void amount03() {
        assertEquals(21L, Percent.of(50L, 4292));
    }

    @Test
    public void amount04() {
        assertEquals(42L, Percent.of(99L, 4292));
    }

    @Test
    public void amount05() {
        assertEquals(43L, Percent.of(100L, 4292));
    }

    @Test
    public void amount06() {
        assertEquals(64L, Percent.of(149L, 4292));
    }

    @Test
    public void amount07() {
        assertEquals(107L, Percent.of(250L, 4292));
    }

    @Test
    public void amount08() {
        assertEquals(429L, Percent.of(999L, 4292));
    }

    @Test
    public void amount09() {
        assertEquals(431L, Percent.of(1005L, 4292));
    }

    @Test
    public void amount10() {
        assertEquals(5298L, Percent.of(12345L, 4292));
    }

    @Test
    public void amount11() {
        assertEquals(42920L, Percent.of(99999L, 4292));
    }

    @Test
    public void amount12() {
        assertEquals(429200L, Percent.of(1000000L, 4292));
    }
}

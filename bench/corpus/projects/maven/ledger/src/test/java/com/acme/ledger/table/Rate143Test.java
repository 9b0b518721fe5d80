package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5291 basis points of twelve amounts, half-even. */
public class Rate143Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5291));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5291));
    }

    @Test
    public void amount03() {
        assertEquals(26L, Percent.of(50L, 5291));
    }

    @Test
    public void amount04() {
        assertEquals(52L, Percent.of(99L, 5291));
    }

    @Test
    public void amount05() {
        assertEquals(53L, Percent.of(100L, 5291));
    }

    @Test
    public void amount06() {
        assertEquals(79L, Percent.of(149L, 5291));
    }

    @Test
    public void amount07() {
        assertEquals(132L, Percent.of(250L, 5291));
    }

    @Test
    public void amount08() {
        assertEquals(529L, Percent.of(999L, 5291));
    }

    @Test
    public void amount09() {
        assertEquals(532L, Percent.of(1005L, 5291));
    }

    @Test
    public void amount10() {
        assertEquals(6532L, Percent.of(12345L, 5291));
    }

    @Test
    public void amount11() {
        assertEquals(52909L, Percent.of(99999L, 5291));
    }

    @Test
    public void amount12() {
        assertEquals(529100L, Percent.of(1000000L, 5291));
    }
}

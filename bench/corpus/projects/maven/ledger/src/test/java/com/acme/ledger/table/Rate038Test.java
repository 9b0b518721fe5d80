package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1406 basis points of twelve amounts, half-even. */
public class Rate038Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1406));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1406));
    }

    @Test
    public void amount03() {
        assertEquals(7L, Percent.of(50L, 1406));
    }

    @Test
    public void amount04() {
        assertEquals(14L, Percent.of(99L, 1406));
    }

    @Test
    public void amount05() {
        assertEquals(14L, Percent.of(100L, 1406));
    }

    @Test
    public void amount06() {
        assertEquals(21L, Percent.of(149L, 1406));
    }

    @Test
    public void amount07() {
        assertEquals(35L, Percent.of(250L, 1406));
    }

    @Test
    public void amount08() {
        assertEquals(140L, Percent.of(999L, 1406));
    }

    @Test
    public void amount09() {
        assertEquals(141L, Percent.of(1005L, 1406));
    }

    @Test
    public void amount10() {
        assertEquals(1736L, Percent.of(12345L, 1406));
    }

    @Test
    public void amount11() {
        assertEquals(14060L, Percent.of(99999L, 1406));
    }

    @Test
    public void amount12() {
        assertEquals(140600L, Percent.of(1000000L, 1406));
    }
}

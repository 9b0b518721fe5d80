package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1961 basis points of twelve amounts, half-even. */
public class Rate053Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1961));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1961));
    }

    @Test
    public void amount03() {
        assertEquals(10L, Percent.of(50L, 1961));
    }

    @Test
    public void amount04() {
        assertEquals(19L, Percent.of(99L, 1961));
    }

    @Test
    public void amount05() {
        assertEquals(20L, Percent.of(100L, 1961));
    }

    @Test
    public void amount06() {
        assertEquals(29L, Percent.of(149L, 1961));
    }

    @Test
    public void amount07() {
        assertEquals(49L, Percent.of(250L, 1961));
    }

    @Test
    public void amount08() {
        assertEquals(196L, Percent.of(999L, 1961));
    }

    @Test
    public void amount09() {
        assertEquals(197L, Percent.of(1005L, 1961));
    }

    @Test
    public void amount10() {
        assertEquals(2421L, Percent.of(12345L, 1961));
    }

    @Test
    public void amount11() {
        assertEquals(19610L, Percent.of(99999L, 1961));
    }

    @Test
    public void amount12() {
        assertEquals(196100L, Percent.of(1000000L, 1961));
    }
}

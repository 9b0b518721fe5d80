package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1702 basis points of twelve amounts, half-even. */
public class Rate046Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1702));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1702));
    }

    @Test
    public void amount03() {
        assertEquals(9L, Percent.of(50L, 1702));
    }

    @Test
    public void amount04() {
        assertEquals(17L, Percent.of(99L, 1702));
    }

    @Test
    public void amount05() {
        assertEquals(17L, Percent.of(100L, 1702));
    }

    @Test
    public void amount06() {
        assertEquals(25L, Percent.of(149L, 1702));
    }

    @Test
    public void amount07() {
        assertEquals(43L, Percent.of(250L, 1702));
    }

    @Test
    public void amount08() {
        assertEquals(170L, Percent.of(999L, 1702));
    }

    @Test
    public void amount09() {
        assertEquals(171L, Percent.of(1005L, 1702));
    }

    @Test
    public void amount10() {
        assertEquals(2101L, Percent.of(12345L, 1702));
    }

    @Test
    public void amount11() {
        assertEquals(17020L, Percent.of(99999L, 1702));
    }

    @Test
    public void amount12() {
        assertEquals(170200L, Percent.of(1000000L, 1702));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1628 basis points of twelve amounts, half-even. */
public class Rate044Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1628));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1628));
    }

    @Test
    public void amount03() {
        assertEquals(8L, Percent.of(50L, 1628));
    }

    @Test
    public void amount04() {
        assertEquals(16L, Percent.of(99L, 1628));
    }

    @Test
    public void amount05() {
        assertEquals(16L, Percent.of(100L, 1628));
    }

    @Test
    public void amount06() {
        assertEquals(24L, Percent.of(149L, 1628));
    }

    @Test
    public void amount07() {
        assertEquals(41L, Percent.of(250L, 1628));
    }

    @Test
    public void amount08() {
        assertEquals(163L, Percent.of(999L, 1628));
    }

    @Test
    public void amount09() {
        assertEquals(164L, Percent.of(1005L, 1628));
    }

    @Test
    public void amount10() {
        assertEquals(2010L, Percent.of(12345L, 1628));
    }

    @Test
    public void amount11() {
        assertEquals(16280L, Percent.of(99999L, 1628));
    }

    @Test
    public void amount12() {
        assertEquals(162800L, Percent.of(1000000L, 1628));
    }
}

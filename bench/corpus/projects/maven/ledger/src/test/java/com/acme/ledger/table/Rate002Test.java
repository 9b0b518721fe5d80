package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 74 basis points of twelve amounts, half-even. */
public class Rate002Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 74));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 74));
    }

    @Test
    public void amount03() {
        assertEquals(0L, Percent.of(50L, 74));
    }

    @Test
    public void amount04() {
        assertEquals(1L, Percent.of(99L, 74));
    }

    @Test
    public void amount05() {
        assertEquals(1L, Percent.of(100L, 74));
    }

    @Test
    public void amount06() {
        assertEquals(1L, Percent.of(149L, 74));
    }

    @Test
    public void amount07() {
        assertEquals(2L, Percent.of(250L, 74));
    }

    @Test
    public void amount08() {
        assertEquals(7L, Percent.of(999L, 74));
    }

    @Test
    public void amount09() {
        assertEquals(7L, Percent.of(1005L, 74));
    }

    @Test
    public void amount10() {
        assertEquals(91L, Percent.of(12345L, 74));
    }

    @Test
    public void amount11() {
        assertEquals(740L, Percent.of(99999L, 74));
    }

    @Test
    public void amount12() {
        assertEquals(7400L, Percent.of(1000000L, 74));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1295 basis points of twelve amounts, half-even. */
public class Rate035Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1295));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1295));
    }

    @Test
    public void amount03() {
        assertEquals(6L, Percent.of(50L, 1295));
    }

    @Test
    public void amount04() {
        assertEquals(13L, Percent.of(99L, 1295));
    }

    @Test
    public void amount05() {
        assertEquals(13L, Percent.of(100L, 1295));
    }

    @Test
    public void amount06() {
        assertEquals(19L, Percent.of(149L, 1295));
    }

    @Test
    public void amount07() {
        assertEquals(32L, Percent.of(250L, 1295));
    }

    @Test
    public void amount08() {
        assertEquals(129L, Percent.of(999L, 1295));
    }

    @Test
    public void amount09() {
        assertEquals(130L, Percent.of(1005L, 1295));
    }

    @Test
    public void amount10() {
        assertEquals(1599L, Percent.of(12345L, 1295));
    }

    @Test
    public void amount11() {
        assertEquals(12950L, Percent.of(99999L, 1295));
    }

    @Test
    public void amount12() {
        assertEquals(129500L, Percent.of(1000000L, 1295));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2479 basis points of twelve amounts, half-even. */
public class Rate067Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2479));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2479));
    }

    @Test
    public void amount03() {
        assertEquals(12L, Percent.of(50L, 2479));
    }

    @Test
    public void amount04() {
        assertEquals(25L, Percent.of(99L, 2479));
    }

    @Test
    public void amount05() {
        assertEquals(25L, Percent.of(100L, 2479));
    }

    @Test
    public void amount06() {
        assertEquals(37L, Percent.of(149L, 2479));
    }

    @Test
    public void amount07() {
        assertEquals(62L, Percent.of(250L, 2479));
    }

    @Test
    public void amount08() {
        assertEquals(248L, Percent.of(999L, 2479));
    }

    @Test
    public void amount09() {
        assertEquals(249L, Percent.of(1005L, 2479));
    }

    @Test
    public void amount10() {
        assertEquals(3060L, Percent.of(12345L, 2479));
    }

    @Test
    public void amount11() {
        assertEquals(24790L, Percent.of(99999L, 2479));
    }

    @Test
    public void amount12() {
        assertEquals(247900L, Percent.of(1000000L, 2479));
    }
}

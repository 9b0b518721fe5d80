package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1776 basis points of twelve amounts, half-even. */
public class Rate048Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1776));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1776));
    }

    @Test
    public void amount03() {
        assertEquals(9L, Percent.of(50L, 1776));
    }

    @Test
    public void amount04() {
        assertEquals(18L, Percent.of(99L, 1776));
    }

    @Test
    public void amount05() {
        assertEquals(18L, Percent.of(100L, 1776));
    }

    @Test
    public void amount06() {
        assertEquals(26L, Percent.of(149L, 1776));
    }

    @Test
    public void amount07() {
        assertEquals(44L, Percent.of(250L, 1776));
    }

    @Test
    public void amount08() {
        assertEquals(177L, Percent.of(999L, 1776));
    }

    @Test
    public void amount09() {
        assertEquals(178L, Percent.of(1005L, 1776));
    }

    @Test
    public void amount10() {
        assertEquals(2192L, Percent.of(12345L, 1776));
    }

    @Test
    public void amount11() {
        assertEquals(17760L, Percent.of(99999L, 1776));
    }

    @Test
    public void amount12() {
        assertEquals(177600L, Percent.of(1000000L, 1776));
    }
}

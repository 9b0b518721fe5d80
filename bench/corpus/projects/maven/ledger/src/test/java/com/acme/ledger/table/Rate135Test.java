package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4995 basis points of twelve amounts, half-even. */
public class Rate135Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4995));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4995));
    }

    @Test
    public void amount03() {
        assertEquals(25L, Percent.of(50L, 4995));
    }

    @Test
    public void amount04() {
        assertEquals(49L, Percent.of(99L, 4995));
    }

    @Test
    public void amount05() {
        assertEquals(50L, Percent.of(100L, 4995));
    }

    @Test
    public void amount06() {
        assertEquals(74L, Percent.of(149L, 4995));
    }

    @Test
    public void amount07() {
        assertEquals(125L, Percent.of(250L, 4995));
    }

    @Test
    public void amount08() {
        assertEquals(499L, Percent.of(999L, 4995));
    }

    @Test
    public void amount09() {
        assertEquals(502L, Percent.of(1005L, 4995));
    }

    @Test
    public void amount10() {
        assertEquals(6166L, Percent.of(12345L, 4995));
    }

    @Test
    public void amount11() {
        assertEquals(49950L, Percent.of(99999L, 4995));
    }

    @Test
    public void amount12() {
        assertEquals(499500L, Percent.of(1000000L, 4995));
    }
}

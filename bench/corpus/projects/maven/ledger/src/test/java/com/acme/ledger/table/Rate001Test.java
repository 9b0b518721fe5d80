package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 37 basis points of twelve amounts, half-even. */
public class Rate001Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 37));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 37));
    }

    @Test
    public void amount03() {
        assertEquals(0L, Percent.of(50L, 37));
    }

    @Test
    public void amount04() {
        assertEquals(0L, Percent.of(99L, 37));
    }

    @Test
    public void amount05() {
        assertEquals(0L, Percent.of(100L, 37));
    }

    @Test
    public void amount06() {
        assertEquals(1L, Percent.of(149L, 37));
    }

    @Test
    public void amount07() {
        assertEquals(1L, Percent.of(250L, 37));
    }

    @Test
    public void amount08() {
        assertEquals(4L, Percent.of(999L, 37));
    }

    @Test
    public void amount09() {
        assertEquals(4L, Percent.of(1005L, 37));
    }

    @Test
    public void amount10() {
        assertEquals(46L, Percent.of(12345L, 37));
    }

    @Test
    public void amount11() {
        assertEquals(370L, Percent.of(99999L, 37));
    }

    @Test
    public void amount12() {
        assertEquals(3700L, Percent.of(1000000L, 37));
    }
}

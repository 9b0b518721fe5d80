package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4662 basis points of twelve amounts, half-even. */
public class Rate126Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4662));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4662));
    }

    @Test
    public void amount03() {
        assertEquals(23L, Percent.of(50L, 4662));
    }

    @Test
    public void amount04() {
        assertEquals(46L, Percent.of(99L, 4662));
    }

    @Test
    public void amount05() {
        assertEquals(47L, Percent.of(100L, 4662));
    }

    @Test
    public void amount06() {
        assertEquals(69L, Percent.of(149L, 4662));
    }

    @Test
    public void amount07() {
        assertEquals(117L, Percent.of(250L, 4662));
    }

    @Test
    public void amount08() {
        assertEquals(466L, Percent.of(999L, 4662));
    }

    @Test
    public void amount09() {
        assertEquals(469L, Percent.of(1005L, 4662));
    }

    @Test
    public void amount10() {
        assertEquals(5755L, Percent.of(12345L, 4662));
    }

    @Test
    public void amount11() {
        assertEquals(46620L, Percent.of(99999L, 4662));
    }

    @Test
    public void amount12() {
        assertEquals(466200L, Percent.of(1000000L, 4662));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3071 basis points of twelve amounts, half-even. */
public class Rate083Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3071));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3071));
    }

    @Test
    public void amount03() {
        assertEquals(15L, Percent.of(50L, 3071));
    }

    @Test
    public void amount04() {
        assertEquals(30L, Percent.of(99L, 3071));
    }

    @Test
    public void amount05() {
        assertEquals(31L, Percent.of(100L, 3071));
    }

    @Test
    public void amount06() {
        assertEquals(46L, Percent.of(149L, 3071));
    }

    @Test
    public void amount07() {
        assertEquals(77L, Percent.of(250L, 3071));
    }

    @Test
    public void amount08() {
        assertEquals(307L, Percent.of(999L, 3071));
    }

    @Test
    public void amount09() {
        assertEquals(309L, Percent.of(1005L, 3071));
    }

    @Test
    public void amount10() {
        assertEquals(3791L, Percent.of(12345L, 3071));
    }

    @Test
    public void amount11() {
        assertEquals(30710L, Percent.of(99999L, 3071));
    }

    @Test
    public void amount12() {
        assertEquals(307100L, Percent.of(1000000L, 3071));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 666 basis points of twelve amounts, half-even. */
public class Rate018Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 666));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 666));
    }

    @Test
    public void amount03() {
        assertEquals(3L, Percent.of(50L, 666));
    }

    @Test
    public void amount04() {
        assertEquals(7L, Percent.of(99L, 666));
    }

    @Test
    public void amount05() {
        assertEquals(7L, Percent.of(100L, 666));
    }

    @Test
    public void amount06() {
        assertEquals(10L, Percent.of(149L, 666));
    }

    @Test
    public void amount07() {
        assertEquals(17L, Percent.of(250L, 666));
    }

    @Test
    public void amount08() {
        assertEquals(67L, Percent.of(999L, 666));
    }

    @Test
    public void amount09() {
        assertEquals(67L, Percent.of(1005L, 666));
    }

    @Test
    public void amount10() {
        assertEquals(822L, Percent.of(12345L, 666));
    }

    @Test
    public void amount11() {
        assertEquals(6660L, Percent.of(99999L, 666));
    }

    @Test
    public void amount12() {
        assertEquals(66600L, Percent.of(1000000L, 666));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 962 basis points of twelve amounts, half-even. */
public class Rate026Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 962));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 962));
    }

    @Test
    public void amount03() {
        assertEquals(5L, Percent.of(50L, 962));
    }

    @Test
    public void amount04() {
        assertEquals(10L, Percent.of(99L, 962));
    }

    @Test
    public void amount05() {
        assertEquals(10L, Percent.of(100L, 962));
    }

    @Test
    public void amount06() {
        assertEquals(14L, Percent.of(149L, 962));
    }

    @Test
    public void amount07() {
        assertEquals(24L, Percent.of(250L, 962));
    }

    @Test
    public void amount08() {
        assertEquals(96L, Percent.of(999L, 962));
    }

    @Test
    public void amount09() {
        assertEquals(97L, Percent.of(1005L, 962));
    }

    @Test
    public void amount10() {
        assertEquals(1188L, Percent.of(12345L, 962));
    }

    @Test
    public void amount11() {
        assertEquals(9620L, Percent.of(99999L, 962));
    }

    @Test
    public void amount12() {
        assertEquals(96200L, Percent.of(1000000L, 962));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3922 basis points of twelve amounts, half-even. */
public class Rate106Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3922));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3922));
    }

    @Test
    public void amount03() {
        assertEquals(20L, Percent.of(50L, 3922));
    }

    @Test
    public void amount04() {
        assertEquals(39L, Percent.of(99L, 3922));
    }

    @Test
    public void amount05() {
        assertEquals(39L, Percent.of(100L, 3922));
    }

    @Test
    public void amount06() {
        assertEquals(58L, Percent.of(149L, 3922));
    }

    @Test
    public void amount07() {
        assertEquals(98L, Percent.of(250L, 3922));
    }

    @Test
    public void amount08() {
        assertEquals(392L, Percent.of(999L, 3922));
    }

    @Test
    public void amount09() {
        assertEquals(394L, Percent.of(1005L, 3922));
    }

    @Test
    public void amount10() {
        assertEquals(4842L, Percent.of(12345L, 3922));
    }

    @Test
    public void amount11() {
        assertEquals(39220L, Percent.of(99999L, 3922));
    }

    @Test
    public void amount12() {
        assertEquals(392200L, Percent.of(1000000L, 3922));
    }
}

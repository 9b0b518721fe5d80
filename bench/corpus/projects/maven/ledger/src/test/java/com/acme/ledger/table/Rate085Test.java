package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3145 basis points of twelve amounts, half-even. */
public class Rate085Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3145));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3145));
    }

    @Test
    public void amount03() {
        assertEquals(16L, Percent.of(50L, 3145));
    }

    @Test
    public void amount04() {
        assertEquals(31L, Percent.of(99L, 3145));
    }

    @Test
    public void amount05() {
        assertEquals(31L, Percent.of(100L, 3145));
    }

    @Test
    public void amount06() {
        assertEquals(47L, Percent.of(149L, 3145));
    }

    @Test
    public void amount07() {
        assertEquals(79L, Percent.of(250L, 3145));
    }

    @Test
    public void amount08() {
        assertEquals(314L, Percent.of(999L, 3145));
    }

    @Test
    public void amount09() {
        assertEquals(316L, Percent.of(1005L, 3145));
    }

    @Test
    public void amount10() {
        assertEquals(3883L, Percent.of(12345L, 3145));
    }

    @Test
    public void amount11() {
        assertEquals(31450L, Percent.of(99999L, 3145));
    }

    @Test
    public void amount12() {
        assertEquals(314500L, Percent.of(1000000L, 3145));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3256 basis points of twelve amounts, half-even. */
public class Rate088Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3256));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3256));
    }

    @Test
    public void amount03() {
        assertEquals(16L, Percent.of(50L, 3256));
    }

    @Test
    public void amount04() {
        assertEquals(32L, Percent.of(99L, 3256));
    }

    @Test
    public void amount05() {
        assertEquals(33L, Percent.of(100L, 3256));
    }

    @Test
    public void amount06() {
        assertEquals(49L, Percent.of(149L, 3256));
    }

    @Test
    public void amount07() {
        assertEquals(81L, Percent.of(250L, 3256));
    }

    @Test
    public void amount08() {
        assertEquals(325L, Percent.of(999L, 3256));
    }

    @Test
    public void amount09() {
        assertEquals(327L, Percent.of(1005L, 3256));
    }

    @Test
    public void amount10() {
        assertEquals(4020L, Percent.of(12345L, 3256));
    }

    @Test
    public void amount11() {
        assertEquals(32560L, Percent.of(99999L, 3256));
    }

    @Test
    public void amount12() {
        assertEquals(325600L, Percent.of(1000000L, 3256));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4403 basis points of twelve amounts, half-even. */
public class Rate119Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4403));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4403));
    }

    @Test
    public void amount03() {
        assertEquals(22L, Percent.of(50L, 4403));
    }

    @Test
    public void amount04() {
        assertEquals(44L, Percent.of(99L, 4403));
    }

    @Test
    public void amount05() {
        assertEquals(44L, Percent.of(100L, 4403));
    }

    @Test
    public void amount06() {
        assertEquals(66L, Percent.of(149L, 4403));
    }

    @Test
    public void amount07() {
        assertEquals(110L, Percent.of(250L, 4403));
    }

    @Test
    public void amount08() {
        assertEquals(440L, Percent.of(999L, 4403));
    }

    @Test
    public void amount09() {
        assertEquals(443L, Percent.of(1005L, 4403));
    }

    @Test
    public void amount10() {
        assertEquals(5436L, Percent.of(12345L, 4403));
    }

    @Test
    public void amount11() {
        assertEquals(44030L, Percent.of(99999L, 4403));
    }

    @Test
    public void amount12() {
        assertEquals(440300L, Percent.of(1000000L, 4403));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4736 basis points of twelve amounts, half-even. */
public class Rate128Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4736));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4736));
    }

    @Test
    public void amount03() {
        assertEquals(24L, Percent.of(50L, 4736));
    }

    @Test
    public void amount04() {
        assertEquals(47L, Percent.of(99L, 4736));
    }

    @Test
    public void amount05() {
        assertEquals(47L, Percent.of(100L, 4736));
    }

    @Test
    public void amount06() {
        assertEquals(71L, Percent.of(149L, 4736));
    }

    @Test
    public void amount07() {
        assertEquals(118L, Percent.of(250L, 4736));
    }

    @Test
    public void amount08() {
        assertEquals(473L, Percent.of(999L, 4736));
    }

    @Test
    public void amount09() {
        assertEquals(476L, Percent.of(1005L, 4736));
    }

    @Test
    public void amount10() {
        assertEquals(5847L, Percent.of(12345L, 4736));
    }

    @Test
    public void amount11() {
        assertEquals(47360L, Percent.of(99999L, 4736));
    }

    @Test
    public void amount12() {
        assertEquals(473600L, Percent.of(1000000L, 4736));
    }
}

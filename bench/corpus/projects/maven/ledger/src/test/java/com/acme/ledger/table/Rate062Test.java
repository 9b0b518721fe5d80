package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2294 basis points of twelve amounts, half-even. */
public class Rate062Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2294));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2294));
    }

    @Test
    public void amount03() {
        assertEquals(11L, Percent.of(50L, 2294));
    }

    @Test
    public void amount04() {
        assertEquals(23L, Percent.of(99L, 2294));
    }

    @Test
    public void amount05() {
        assertEquals(23L, Percent.of(100L, 2294));
    }

    @Test
    public void amount06() {
        assertEquals(34L, Percent.of(149L, 2294));
    }

    @Test
    public void amount07() {
        assertEquals(57L, Percent.of(250L, 2294));
    }

    @Test
    public void amount08() {
        assertEquals(229L, Percent.of(999L, 2294));
    }

    @Test
    public void amount09() {
        assertEquals(231L, Percent.of(1005L, 2294));
    }

    @Test
    public void amount10() {
        assertEquals(2832L, Percent.of(12345L, 2294));
    }

    @Test
    public void amount11() {
        assertEquals(22940L, Percent.of(99999L, 2294));
    }

    @Test
    public void amount12() {
        assertEquals(229400L, Percent.of(1000000L, 2294));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4921 basis points of twelve amounts, half-even. */
public class Rate133Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4921));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4921));
    }

    @Test
    public void amount03() {
        assertEquals(25L, Percent.of(50L, 4921));
    }

    @Test
    public void amount04() {
        assertEquals(49L, Percent.of(99L, 4921));
    }

    @Test
    public void amount05() {
        assertEquals(49L, Percent.of(100L, 4921));
    }

    @Test
    public void amount06() {
        assertEquals(73L, Percent.of(149L, 4921));
    }

    @Test
    public void amount07() {
        assertEquals(123L, Percent.of(250L, 4921));
    }

    @Test
    public void amount08() {
        assertEquals(492L, Percent.of(999L, 4921));
    }

    @Test
    public void amount09() {
        assertEquals(495L, Percent.of(1005L, 4921));
    }

    @Test
    public void amount10() {
        assertEquals(6075L, Percent.of(12345L, 4921));
    }

    @Test
    public void amount11() {
        assertEquals(49210L, Percent.of(99999L, 4921));
    }

    @Test
    public void amount12() {
        assertEquals(492100L, Percent.of(1000000L, 4921));
    }
}

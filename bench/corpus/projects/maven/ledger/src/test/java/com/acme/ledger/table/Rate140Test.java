package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5180 basis points of twelve amounts, half-even. */
public class Rate140Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5180));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5180));
    }

    @Test
    public void amount03() {
        assertEquals(26L, Percent.of(50L, 5180));
    }

    @Test
    public void amount04() {
        assertEquals(51L, Percent.of(99L, 5180));
    }

    @Test
    public void amount05() {
        assertEquals(52L, Percent.of(100L, 5180));
    }

    @Test
    public void amount06() {
        assertEquals(77L, Percent.of(149L, 5180));
    }

    @Test
    public void amount07() {
        assertEquals(130L, Percent.of(250L, 5180));
    }

    @Test
    public void amount08() {
        assertEquals(517L, Percent.of(999L, 5180));
    }

    @Test
    public void amount09() {
        assertEquals(521L, Percent.of(1005L, 5180));
    }

    @Test
    public void amount10() {
        assertEquals(6395L, Percent.of(12345L, 5180));
    }

    @Test
    public void amount11() {
        assertEquals(51799L, Percent.of(99999L, 5180));
    }

    @Test
    public void amount12() {
        assertEquals(518000L, Percent.of(1000000L, 5180));
    }
}

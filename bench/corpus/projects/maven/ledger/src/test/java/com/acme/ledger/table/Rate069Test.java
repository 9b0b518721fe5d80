package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2553 basis points of twelve amounts, half-even. */
public class Rate069Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2553));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2553));
    }

    @Test
    public void amount03() {
        assertEquals(13L, Percent.of(50L, 2553));
    }

    @Test
    public void amount04() {
        assertEquals(25L, Percent.of(99L, 2553));
    }

    @Test
    public void amount05() {
        assertEquals(26L, Percent.of(100L, 2553));
    }

    @Test
    public void amount06() {
        assertEquals(38L, Percent.of(149L, 2553));
    }

    @Test
    public void amount07() {
        assertEquals(64L, Percent.of(250L, 2553));
    }

    @Test
    public void amount08() {
        assertEquals(255L, Percent.of(999L, 2553));
    }

    @Test
    public void amount09() {
        assertEquals(257L, Percent.of(1005L, 2553));
    }

    @Test
    public void amount10() {
        assertEquals(3152L, Percent.of(12345L, 2553));
    }

    @Test
    public void amount11() {
        assertEquals(25530L, Percent.of(99999L, 2553));
    }

    @Test
    public void amount12() {
        assertEquals(255300L, Percent.of(1000000L, 2553));
    }
}

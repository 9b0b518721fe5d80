package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5550 basis points of twelve amounts, half-even. */
public class Rate150Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5550));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5550));
    }

    @Test
    public void amount03() {
        assertEquals(28L, Percent.of(50L, 5550));
    }

    @Test
    public void amount04() {
        assertEquals(55L, Percent.of(99L, 5550));
    }

    @Test
    public void amount05() {
        assertEquals(56L, Percent.of(100L, 5550));
    }

    @Test
    public void amount06() {
        assertEquals(83L, Percent.of(149L, 5550));
    }

    @Test
    public void amount07() {
        assertEquals(139L, Percent.of(250L, 5550));
    }

    @Test
    public void amount08() {
        assertEquals(554L, Percent.of(999L, 5550));
    }

    @Test
    public void amount09() {
        assertEquals(558L, Percent.of(1005L, 5550));
    }

    @Test
    public void amount10() {
        assertEquals(6851L, Percent.of(12345L, 5550));
    }

    @Test
    public void amount11() {
        assertEquals(55499L, Percent.of(99999L, 5550));
    }

    @Test
    public void amount12() {
        assertEquals(555000L, Percent.of(1000000L, 5550));
    }
}

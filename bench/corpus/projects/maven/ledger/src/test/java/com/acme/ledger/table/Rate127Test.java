package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4699 basis points of twelve amounts, half-even. */
public class Rate127Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4699));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4699));
    }

    @Test
    public void amount03() {
        assertEquals(23L, Percent.of(50L, 4699));
    }

    @Test
    public void amount04() {
        assertEquals(47L, Percent.of(99L, 4699));
    }

    @Test
    public void amount05() {
        assertEquals(47L, Percent.of(100L, 4699));
    }

    @Test
    public void amount06() {
        assertEquals(70L, Percent.of(149L, 4699));
    }

    @Test
    public void amount07() {
        assertEquals(117L, Percent.of(250L, 4699));
    }

    @Test
    public void amount08() {
        assertEquals(469L, Percent.of(999L, 4699));
    }

    @Test
    public void amount09() {
        assertEquals(472L, Percent.of(1005L, 4699));
    }

    @Test
    public void amount10() {
        assertEquals(5801L, Percent.of(12345L, 4699));
    }

    @Test
    public void amount11() {
        assertEquals(46990L, Percent.of(99999L, 4699));
    }

    @Test
    public void amount12() {
        assertEquals(469900L, Percent.of(1000000L, 4699));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2664 basis points of twelve amounts, half-even. */
public class Rate072Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2664));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2664));
    }

    @Test
    public void amount03() {
        assertEquals(13L, Percent.of(50L, 2664));
    }

    @Test
    public void amount04() {
        assertEquals(26L, Percent.of(99L, 2664));
    }

    @Test
    public void amount05() {
        assertEquals(27L, Percent.of(100L, 2664));
    }

    @Test
    public void amount06() {
        assertEquals(40L, Percent.of(149L, 2664));
    }

    @Test
    public void amount07() {
        assertEquals(67L, Percent.of(250L, 2664));
    }

    @Test
    public void amount08() {
        assertEquals(266L, Percent.of(999L, 2664));
    }

    @Test
    public void amount09() {
        assertEquals(268L, Percent.of(1005L, 2664));
    }

    @Test
    public void amount10() {
        assertEquals(3289L, Percent.of(12345L, 2664));
    }

    @Test
    public void amount11() {
        assertEquals(26640L, Percent.of(99999L, 2664));
    }

    @Test
    public void amount12() {
        assertEquals(266400L, Percent.of(1000000L, 2664));
    }
}

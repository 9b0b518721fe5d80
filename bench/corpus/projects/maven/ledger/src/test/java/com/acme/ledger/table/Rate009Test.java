package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 333 basis points of twelve amounts, half-even. */
public class Rate009Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 333));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 333));
    }

    @Test
    public void amount03() {
        assertEquals(2L, Percent.of(50L, 333));
    }

    @Test
    public void amount04() {
        assertEquals(3L, Percent.of(99L, 333));
    }

    @Test
    public void amount05() {
        assertEquals(3L, Percent.of(100L, 333));
    }

    @Test
    public void amount06() {
        assertEquals(5L, Percent.of(149L, 333));
    }

    @Test
    public void amount07() {
        assertEquals(8L, Percent.of(250L, 333));
    }

    @Test
    public void amount08() {
        assertEquals(33L, Percent.of(999L, 333));
    }

    @Test
    public void amount09() {
        assertEquals(33L, Percent.of(1005L, 333));
    }

    @Test
    public void amount10() {
        assertEquals(411L, Percent.of(12345L, 333));
    }

    @Test
    public void amount11() {
        assertEquals(3330L, Percent.of(99999L, 333));
    }

    @Test
    public void amount12() {
        assertEquals(33300L, Percent.of(1000000L, 333));
    }
}

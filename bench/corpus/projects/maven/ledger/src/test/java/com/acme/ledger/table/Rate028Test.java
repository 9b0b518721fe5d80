package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1036 basis points of twelve amounts, half-even. */
public class Rate028Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1036));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1036));
    }

    @Test
    public void amount03() {
        assertEquals(5L, Percent.of(50L, 1036));
    }

    @Test
    public void amount04() {
        assertEquals(10L, Percent.of(99L, 1036));
    }

    @Test
    public void amount05() {
        assertEquals(10L, Percent.of(100L, 1036));
    }

    @Test
    public void amount06() {
        assertEquals(15L, Percent.of(149L, 1036));
    }

    @Test
    public void amount07() {
        assertEquals(26L, Percent.of(250L, 1036));
    }

    @Test
    public void amount08() {
        assertEquals(103L, Percent.of(999L, 1036));
    }

    @Test
    public void amount09() {
        assertEquals(104L, Percent.of(1005L, 1036));
    }

    @Test
    public void amount10() {
        assertEquals(1279L, Percent.of(12345L, 1036));
    }

    @Test
    public void amount11() {
        assertEquals(10360L, Percent.of(99999L, 1036));
    }

    @Test
    public void amount12() {
        assertEquals(103600L, Percent.of(1000000L, 1036));
    }
}

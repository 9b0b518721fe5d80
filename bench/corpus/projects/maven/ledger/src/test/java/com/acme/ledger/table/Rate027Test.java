package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 999 basis points of twelve amounts, half-even. */
public class Rate027Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 999));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 999));
    }

    @Test
    public void amount03() {
        assertEquals(5L, Percent.of(50L, 999));
    }

    @Test
    public void amount04() {
        assertEquals(10L, Percent.of(99L, 999));
    }

    @Test
    public void amount05() {
        assertEquals(10L, Percent.of(100L, 999));
    }

    @Test
    public void amount06() {
        assertEquals(15L, Percent.of(149L, 999));
    }

    @Test
    public void amount07() {
        assertEquals(25L, Percent.of(250L, 999));
    }

    @Test
    public void amount08() {
        assertEquals(100L, Percent.of(999L, 999));
    }

    @Test
    public void amount09() {
        assertEquals(100L, Percent.of(1005L, 999));
    }

    @Test
    public void amount10() {
        assertEquals(1233L, Percent.of(12345L, 999));
    }

    @Test
    public void amount11() {
        assertEquals(9990L, Percent.of(99999L, 999));
    }

    @Test
    public void amount12() {
        assertEquals(99900L, Percent.of(1000000L, 999));
    }
}

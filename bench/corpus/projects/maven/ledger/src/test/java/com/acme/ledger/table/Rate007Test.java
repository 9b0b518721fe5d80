package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 259 basis points of twelve amounts, half-even. */
public class Rate007Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 259));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 259));
    }

    @Test
    public void amount03() {
        assertEquals(1L, Percent.of(50L, 259));
    }

    @Test
    public void amount04() {
        assertEquals(3L, Percent.of(99L, 259));
    }

    @Test
    public void amount05() {
        assertEquals(3L, Percent.of(100L, 259));
    }

    @Test
    public void amount06() {
        assertEquals(4L, Percent.of(149L, 259));
    }

    @Test
    public void amount07() {
        assertEquals(6L, Percent.of(250L, 259));
    }

    @Test
    public void amount08() {
        assertEquals(26L, Percent.of(999L, 259));
    }

    @Test
    public void amount09() {
        assertEquals(26L, Percent.of(1005L, 259));
    }

    @Test
    public void amount10() {
        assertEquals(320L, Percent.of(12345L, 259));
    }

    @Test
    public void amount11() {
        assertEquals(2590L, Percent.of(99999L, 259));
    }

    @Test
    public void amount12() {
        assertEquals(25900L, Percent.of(1000000L, 259));
    }
}

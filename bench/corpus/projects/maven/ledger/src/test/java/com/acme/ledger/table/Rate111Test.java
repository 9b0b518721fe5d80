package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4107 basis points of twelve amounts, half-even. */
public class Rate111Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4107));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4107));
    }

    @Test
    public void amount03() {
        assertEquals(21L, Percent.of(50L, 4107));
    }

    @Test
    public void amount04() {
        assertEquals(41L, Percent.of(99L, 4107));
    }

    @Test
    public void amount05() {
        assertEquals(41L, Percent.of(100L, 4107));
    }

    @Test
    public void amount06() {
        assertEquals(61L, Percent.of(149L, 4107));
    }

    @Test
    public void amount07() {
        assertEquals(103L, Percent.of(250L, 4107));
    }

    @Test
    public void amount08() {
        assertEquals(410L, Percent.of(999L, 4107));
    }

    @Test
    public void amount09() {
        assertEquals(413L, Percent.of(1005L, 4107));
    }

    @Test
    public void amount10() {
        assertEquals(5070L, Percent.of(12345L, 4107));
    }

    @Test
    public void amount11() {
        assertEquals(41070L, Percent.of(99999L, 4107));
    }

    @Test
    public void amount12() {
        assertEquals(410700L, Percent.of(1000000L, 4107));
    }
}

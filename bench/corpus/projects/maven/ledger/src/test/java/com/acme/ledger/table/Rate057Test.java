package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2109 basis points of twelve amounts, half-even. */
public class Rate057Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2109));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2109));
    }

    @Test
    public void amount03() {
        assertEquals(11L, Percent.of(50L, 2109));
    }

    @Test
    public void amount04() {
        assertEquals(21L, Percent.of(99L, 2109));
    }

    @Test
    public void amount05() {
        assertEquals(21L, Percent.of(100L, 2109));
    }

    @Test
    public void amount06() {
        assertEquals(31L, Percent.of(149L, 2109));
    }

    @Test
    public void amount07() {
        assertEquals(53L, Percent.of(250L, 2109));
    }

    @Test
    public void amount08() {
        assertEquals(211L, Percent.of(999L, 2109));
    }

    @Test
    public void amount09() {
        assertEquals(212L, Percent.of(1005L, 2109));
    }

    @Test
    public void amount10() {
        assertEquals(2604L, Percent.of(12345L, 2109));
    }

    @Test
    public void amount11() {
        assertEquals(21090L, Percent.of(99999L, 2109));
    }

    @Test
    public void amount12() {
        assertEquals(210900L, Percent.of(1000000L, 2109));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5365 basis points of twelve amounts, half-even. */
public class Rate145Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5365));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5365));
    }

    @Test
    public void amount03() {
        assertEquals(27L, Percent.of(50L, 5365));
    }

    @Test
    public void amount04() {
        assertEquals(53L, Percent.of(99L, 5365));
    }

    @Test
    public void amount05() {
        assertEquals(54L, Percent.of(100L, 5365));
    }

    @Test
    public void amount06() {
        assertEquals(80L, Percent.of(149L, 5365));
    }

    @Test
    public void amount07() {
        assertEquals(134L, Percent.of(250L, 5365));
    }

    @Test
    public void amount08() {
        assertEquals(536L, Percent.of(999L, 5365));
    }

    @Test
    public void amount09() {
        assertEquals(539L, Percent.of(1005L, 5365));
    }

    @Test
    public void amount10() {
        assertEquals(6623L, Percent.of(12345L, 5365));
    }

    @Test
    public void amount11() {
        assertEquals(53649L, Percent.of(99999L, 5365));
    }

    @Test
    public void amount12() {
        assertEquals(536500L, Percent.of(1000000L, 5365));
    }
}

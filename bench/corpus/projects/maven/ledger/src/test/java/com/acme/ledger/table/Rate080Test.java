package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2960 basis points of twelve amounts, half-even. */
public class Rate080Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2960));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2960));
    }

    @Test
    public void amount03() {
        assertEquals(15L, Percent.of(50L, 2960));
    }

    @Test
    public void amount04() {
        assertEquals(29L, Percent.of(99L, 2960));
    }

    @Test
    public void amount05() {
        assertEquals(30L, Percent.of(100L, 2960));
    }

    @Test
    public void amount06() {
        assertEquals(44L, Percent.of(149L, 2960));
    }

    @Test
    public void amount07() {
        assertEquals(74L, Percent.of(250L, 2960));
    }

    @Test
    public void amount08() {
        assertEquals(296L, Percent.of(999L, 2960));
    }

    @Test
    public void amount09() {
        assertEquals(297L, Percent.of(1005L, 2960));
    }

    @Test
    public void amount10() {
        assertEquals(3654L, Percent.of(12345L, 2960));
    }

    @Test
    public void amount11() {
        assertEquals(29600L, Percent.of(99999L, 2960));
    }

    @Test
    public void amount12() {
        assertEquals(296000L, Percent.of(1000000L, 2960));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3589 basis points of twelve amounts, half-even. */
public class Rate097Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3589));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3589));
    }

    @Test
    public void amount03() {
        assertEquals(18L, Percent.of(50L, 3589));
    }

    @Test
    public void amount04() {
        assertEquals(36L, Percent.of(99L, 3589));
    }

    @Test
    public void amount05() {
        assertEquals(36L, Percent.of(100L, 3589));
    }

    @Test
    public void amount06() {
        assertEquals(53L, Percent.of(149L, 3589));
    }

    @Test
    public void amount07() {
        assertEquals(90L, Percent.of(250L, 3589));
    }

    @Test
    public void amount08() {
        assertEquals(359L, Percent.of(999L, 3589));
    }

    @Test
    public void amount09() {
        assertEquals(361L, Percent.of(1005L, 3589));
    }

    @Test
    public void amount10() {
        assertEquals(4431L, Percent.of(12345L, 3589));
    }

    @Test
    public void amount11() {
        assertEquals(35890L, Percent.of(99999L, 3589));
    }

    @Test
    public void amount12() {
        assertEquals(358900L, Percent.of(1000000L, 3589));
    }
}

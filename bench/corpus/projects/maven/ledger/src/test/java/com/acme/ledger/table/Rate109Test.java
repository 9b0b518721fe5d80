package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4033 basis points of twelve amounts, half-even. */
public class Rate109Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4033));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4033));
    }

    @Test
    public void amount03() {
        assertEquals(20L, Percent.of(50L, 4033));
    }

    @Test
    public void amount04() {
        assertEquals(40L, Percent.of(99L, 4033));
    }

    @Test
    public void amount05() {
        assertEquals(40L, Percent.of(100L, 4033));
    }

    @Test
    public void amount06() {
        assertEquals(60L, Percent.of(149L, 4033));
    }

    @Test
    public void amount07() {
        assertEquals(101L, Percent.of(250L, 4033));
    }

    @Test
    public void amount08() {
        assertEquals(403L, Percent.of(999L, 4033));
    }

    @Test
    public void amount09() {
        assertEquals(405L, Percent.of(1005L, 4033));
    }

    @Test
    public void amount10() {
        assertEquals(4979L, Percent.of(12345L, 4033));
    }

    @Test
    public void amount11() {
        assertEquals(40330L, Percent.of(99999L, 4033));
    }

    @Test
    public void amount12() {
        assertEquals(403300L, Percent.of(1000000L, 4033));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 148 basis points of twelve amounts, half-even. */
public class Rate004Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 148));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 148));
    }

    @Test
    public void amount03() {
        assertEquals(1L, Percent.of(50L, 148));
    }

    @Test
    public void amount04() {
        assertEquals(1L, Percent.of(99L, 148));
    }

    @Test
    public void amount05() {
        assertEquals(1L, Percent.of(100L, 148));
    }

    @Test
    public void amount06() {
        assertEquals(2L, Percent.of(149L, 148));
    }

    @Test
    public void amount07() {
        assertEquals(4L, Percent.of(250L, 148));
    }

    @Test
    public void amount08() {
        assertEquals(15L, Percent.of(999L, 148));
    }

    @Test
    public void amount09() {
        assertEquals(15L, Percent.of(1005L, 148));
    }

    @Test
    public void amount10() {
        assertEquals(183L, Percent.of(12345L, 148));
    }

    @Test
    public void amount11() {
        assertEquals(1480L, Percent.of(99999L, 148));
    }

    @Test
    public void amount12() {
        assertEquals(14800L, Percent.of(1000000L, 148));
    }
}

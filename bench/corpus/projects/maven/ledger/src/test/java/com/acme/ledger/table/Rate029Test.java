package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1073 basis points of twelve amounts, half-even. */
public class Rate029Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1073));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1073));
    }

    @Test
    public void amount03() {
        assertEquals(5L, Percent.of(50L, 1073));
    }

    @Test
    public void amount04() {
        assertEquals(11L, Percent.of(99L, 1073));
    }

    @Test
    public void amount05() {
        assertEquals(11L, Percent.of(100L, 1073));
    }

    @Test
    public void amount06() {
        assertEquals(16L, Percent.of(149L, 1073));
    }

    @Test
    public void amount07() {
        assertEquals(27L, Percent.of(250L, 1073));
    }

    @Test
    public void amount08() {
        assertEquals(107L, Percent.of(999L, 1073));
    }

    @Test
    public void amount09() {
        assertEquals(108L, Percent.of(1005L, 1073));
    }

    @Test
    public void amount10() {
        assertEquals(1325L, Percent.of(12345L, 1073));
    }

    @Test
    public void amount11() {
        assertEquals(10730L, Percent.of(99999L, 1073));
    }

    @Test
    public void amount12() {
        assertEquals(107300L, Percent.of(1000000L, 1073));
    }
}

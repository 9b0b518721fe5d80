package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 703 basis points of twelve amounts, half-even. */
public class Rate019Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 703));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 703));
    }

    @Test
    public void amount03() {
        assertEquals(4L, Percent.of(50L, 703));
    }

    @Test
    public void amount04() {
        assertEquals(7L, Percent.of(99L, 703));
    }

    @Test
    public void amount05() {
        assertEquals(7L, Percent.of(100L, 703));
    }

    @Test
    public void amount06() {
        assertEquals(10L, Percent.of(149L, 703));
    }

    @Test
    public void amount07() {
        assertEquals(18L, Percent.of(250L, 703));
    }

    @Test
    public void amount08() {
        assertEquals(70L, Percent.of(999L, 703));
    }

    @Test
    public void amount09() {
        assertEquals(71L, Percent.of(1005L, 703));
    }

    @Test
    public void amount10() {
        assertEquals(868L, Percent.of(12345L, 703));
    }

    @Test
    public void amount11() {
        assertEquals(7030L, Percent.of(99999L, 703));
    }

    @Test
    public void amount12() {
        assertEquals(70300L, Percent.of(1000000L, 703));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2035 basis points of twelve amounts, half-even. */
public class Rate055Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2035));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2035));
    }

    @Test
    public void amount03() {
        assertEquals(10L, Percent.of(50L, 2035));
    }

    @Test
    public void amount04() {
        assertEquals(20L, Percent.of(99L, 2035));
    }

    @Test
    public void amount05() {
        assertEquals(20L, Percent.of(100L, 2035));
    }

    @Test
    public void amount06() {
        assertEquals(30L, Percent.of(149L, 2035));
    }

    @Test
    public void amount07() {
        assertEquals(51L, Percent.of(250L, 2035));
    }

    @Test
    public void amount08() {
        assertEquals(203L, Percent.of(999L, 2035));
    }

    @Test
    public void amount09() {
        assertEquals(205L, Percent.of(1005L, 2035));
    }

    @Test
    public void amount10() {
        assertEquals(2512L, Percent.of(12345L, 2035));
    }

    @Test
    public void amount11() {
        assertEquals(20350L, Percent.of(99999L, 2035));
    }

    @Test
    public void amount12() {
        assertEquals(203500L, Percent.of(1000000L, 2035));
    }
}

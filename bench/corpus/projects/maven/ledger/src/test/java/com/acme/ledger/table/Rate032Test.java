package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1184 basis points of twelve amounts, half-even. */
public class Rate032Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1184));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1184));
    }

    @Test
    public void amount03() {
        assertEquals(6L, Percent.of(50L, 1184));
    }

    @Test
    public void amount04() {
        assertEquals(12L, Percent.of(99L, 1184));
    }

    @Test
    public void amount05() {
        assertEquals(12L, Percent.of(100L, 1184));
    }

    @Test
    public void amount06() {
        assertEquals(18L, Percent.of(149L, 1184));
    }

    @Test
    public void amount07() {
        assertEquals(30L, Percent.of(250L, 1184));
    }

    @Test
    public void amount08() {
        assertEquals(118L, Percent.of(999L, 1184));
    }

    @Test
    public void amount09() {
        assertEquals(119L, Percent.of(1005L, 1184));
    }

    @Test
    public void amount10() {
        assertEquals(1462L, Percent.of(12345L, 1184));
    }

    @Test
    public void amount11() {
        assertEquals(11840L, Percent.of(99999L, 1184));
    }

    @Test
    public void amount12() {
        assertEquals(118400L, Percent.of(1000000L, 1184));
    }
}

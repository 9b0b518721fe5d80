package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 555 basis points of twelve amounts, half-even. */
public class Rate015Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 555));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 555));
    }

    @Test
    public void amount03() {
        assertEquals(3L, Percent.of(50L, 555));
    }

    @Test
    public void amount04() {
        assertEquals(5L, Percent.of(99L, 555));
    }

    @Test
    public void amount05() {
        assertEquals(6L, Percent.of(100L, 555));
    }

    @Test
    public void amount06() {
        assertEquals(8L, Percent.of(149L, 555));
    }

    @Test
    public void amount07() {
        assertEquals(14L, Percent.of(250L, 555));
    }

    @Test
    public void amount08() {
        assertEquals(55L, Percent.of(999L, 555));
    }

    @Test
    public void amount09() {
        assertEquals(56L, Percent.of(1005L, 555));
    }

    @Test
    public void amount10() {
        assertEquals(685L, Percent.of(12345L, 555));
    }

    @Test
    public void amount11() {
        assertEquals(5550L, Percent.of(99999L, 555));
    }

    @Test
    public void amount12() {
        assertEquals(55500L, Percent.of(1000000L, 555));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1887 basis points of twelve amounts, half-even. */
public class Rate051Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1887));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1887));
    }

    @Test
    public void amount03() {
        assertEquals(9L, Percent.of(50L, 1887));
    }

    @Test
    public void amount04() {
        assertEquals(19L, Percent.of(99L, 1887));
    }

    @Test
    public void amount05() {
        assertEquals(19L, Percent.of(100L, 1887));
    }

    @Test
    public void amount06() {
        assertEquals(28L, Percent.of(149L, 1887));
    }

    @Test
    public void amount07() {
        assertEquals(47L, Percent.of(250L, 1887));
    }

    @Test
    public void amount08() {
        assertEquals(189L, Percent.of(999L, 1887));
    }

    @Test
    public void amount09() {
        assertEquals(190L, Percent.of(1005L, 1887));
    }

    @Test
    public void amount10() {
        assertEquals(2330L, Percent.of(12345L, 1887));
    }

    @Test
    public void amount11() {
        assertEquals(18870L, Percent.of(99999L, 1887));
    }

    @Test
    public void amount12() {
        assertEquals(188700L, Percent.of(1000000L, 1887));
    }
}

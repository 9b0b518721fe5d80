package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 814 basis points of twelve amounts, half-even. */
public class Rate022Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 814));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 814));
    }

    @Test
    public void amount03() {
        assertEquals(4L, Percent.of(50L, 814));
    }

    @Test
    public void amount04() {
        assertEquals(8L, Percent.of(99L, 814));
    }

    @Test
    public void amount05() {
        assertEquals(8L, Percent.of(100L, 814));
    }

    @Test
    public void amount06() {
        assertEquals(12L, Percent.of(149L, 814));
    }

    @Test
    public void amount07() {
        assertEquals(20L, Percent.of(250L, 814));
    }

    @Test
    public void amount08() {
        assertEquals(81L, Percent.of(999L, 814));
    }

    @Test
    public void amount09() {
        assertEquals(82L, Percent.of(1005L, 814));
    }

    @Test
    public void amount10() {
        assertEquals(1005L, Percent.of(12345L, 814));
    }

    @Test
    public void amount11() {
        assertEquals(8140L, Percent.of(99999L, 814));
    }

    @Test
    public void amount12() {
        assertEquals(81400L, Percent.of(1000000L, 814));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4810 basis points of twelve amounts, half-even. */
public class Rate130Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4810));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4810));
    }

    @Test
    public void amount03() {
        assertEquals(24L, Percent.of(50L, 4810));
    }

    @Test
    public void amount04() {
        assertEquals(48L, Percent.of(99L, 4810));
    }

    @Test
    public void amount05() {
        assertEquals(48L, Percent.of(100L, 4810));
    }

    @Test
    public void amount06() {
        assertEquals(72L, Percent.of(149L, 4810));
    }

    @Test
    public void amount07() {
        assertEquals(120L, Percent.of(250L, 4810));
    }

    @Test
    public void amount08() {
        assertEquals(481L, Percent.of(999L, 4810));
    }

    @Test
    public void amount09() {
        assertEquals(483L, Percent.of(1005L, 4810));
    }

    @Test
    public void amount10() {
        assertEquals(5938L, Percent.of(12345L, 4810));
    }

    @Test
    public void amount11() {
        assertEquals(48100L, Percent.of(99999L, 4810));
    }

    @Test
    public void amount12() {
        assertEquals(481000L, Percent.of(1000000L, 4810));
    }
}

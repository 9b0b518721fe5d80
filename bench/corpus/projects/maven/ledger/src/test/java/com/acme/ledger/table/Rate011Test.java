package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 407 basis points of twelve amounts, half-even. */
public class Rate011Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 407));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 407));
    }

    @Test
    public void amount03() {
        assertEquals(2L, Percent.of(50L, 407));
    }

    @Test
    public void amount04() {
        assertEquals(4L, Percent.of(99L, 407));
    }

    @Test
    public void amount05() {
        assertEquals(4L, Percent.of(100L, 407));
    }

    @Test
    public void amount06() {
        assertEquals(6L, Percent.of(149L, 407));
    }

    @Test
    public void amount07() {
        assertEquals(10L, Percent.of(250L, 407));
    }

    @Test
    public void amount08() {
        assertEquals(41L, Percent.of(999L, 407));
    }

    @Test
    public void amount09() {
        assertEquals(41L, Percent.of(1005L, 407));
    }

    @Test
    public void amount10() {
        assertEquals(502L, Percent.of(12345L, 407));
    }

    @Test
    public void amount11() {
        assertEquals(4070L, Percent.of(99999L, 407));
    }

    @Test
    public void amount12() {
        assertEquals(40700L, Percent.of(1000000L, 407));
    }
}

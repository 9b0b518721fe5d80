package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 222 basis points of twelve amounts, half-even. */
public class Rate006Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 222));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 222));
    }

    @Test
    public void amount03() {
        assertEquals(1L, Percent.of(50L, 222));
    }

    @Test
    public void amount04() {
        assertEquals(2L, Percent.of(99L, 222));
    }

    @Test
    public void amount05() {
        assertEquals(2L, Percent.of(100L, 222));
    }

    @Test
    public void amount06() {
        assertEquals(3L, Percent.of(149L, 222));
    }

    @Test
    public void amount07() {
        assertEquals(6L, Percent.of(250L, 222));
    }

    @Test
    public void amount08() {
        assertEquals(22L, Percent.of(999L, 222));
    }

    @Test
    public void amount09() {
        assertEquals(22L, Percent.of(1005L, 222));
    }

    @Test
    public void amount10() {
        assertEquals(274L, Percent.of(12345L, 222));
    }

    @Test
    public void amount11() {
        assertEquals(2220L, Percent.of(99999L, 222));
    }

    @Test
    public void amount12() {
        assertEquals(22200L, Percent.of(1000000L, 222));
    }
}

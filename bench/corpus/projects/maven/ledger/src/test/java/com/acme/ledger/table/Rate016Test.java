package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 592 basis points of twelve amounts, half-even. */
public class Rate016Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 592));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 592));
    }

    @Test
    public void amount03() {
        assertEquals(3L, Percent.of(50L, 592));
    }

    @Test
    public void amount04() {
        assertEquals(6L, Percent.of(99L, 592));
    }

    @Test
    public void amount05() {
        assertEquals(6L, Percent.of(100L, 592));
    }

    @Test
    public void amount06() {
        assertEquals(9L, Percent.of(149L, 592));
    }

    @Test
    public void amount07() {
        assertEquals(15L, Percent.of(250L, 592));
    }

    @Test
    public void amount08() {
        assertEquals(59L, Percent.of(999L, 592));
    }

    @Test
    public void amount09() {
        assertEquals(59L, Percent.of(1005L, 592));
    }

    @Test
    public void amount10() {
        assertEquals(731L, Percent.of(12345L, 592));
    }

    @Test
    public void amount11() {
        assertEquals(5920L, Percent.of(99999L, 592));
    }

    @Test
    public void amount12() {
        assertEquals(59200L, Percent.of(1000000L, 592));
    }
}

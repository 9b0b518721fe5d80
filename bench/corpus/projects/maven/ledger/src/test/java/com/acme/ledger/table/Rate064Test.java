package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2368 basis points of twelve amounts, half-even. */
public class Rate064Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2368));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2368));
    }

    @Test
    public void amount03() {
        assertEquals(12L, Percent.of(50L, 2368));
    }

    @Test
    public void amount04() {
        assertEquals(23L, Percent.of(99L, 2368));
    }

    @Test
    public void amount05() {
        assertEquals(24L, Percent.of(100L, 2368));
    }

    @Test
    public void amount06() {
        assertEquals(35L, Percent.of(149L, 2368));
    }

    @Test
    public void amount07() {
        assertEquals(59L, Percent.of(250L, 2368));
    }

    @Test
    public void amount08() {
        assertEquals(237L, Percent.of(999L, 2368));
    }

    @Test
    public void amount09() {
        assertEquals(238L, Percent.of(1005L, 2368));
    }

    @Test
    public void amount10() {
        assertEquals(2923L, Percent.of(12345L, 2368));
    }

    @Test
    public void amount11() {
        assertEquals(23680L, Percent.of(99999L, 2368));
    }

    @Test
    public void amount12() {
        assertEquals(236800L, Percent.of(1000000L, 2368));
    }
}

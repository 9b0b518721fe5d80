package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3626 basis points of twelve amounts, half-even. */
public class Rate098Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3626));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3626));
    }

    @Test
    public void amount03() {
        assertEquals(18L, Percent.of(50L, 3626));
    }

    @Test
    public void amount04() {
        assertEquals(36L, Percent.of(99L, 3626));
    }

    @Test
    public void amount05() {
        assertEquals(36L, Percent.of(100L, 3626));
    }

    @Test
    public void amount06() {
        assertEquals(54L, Percent.of(149L, 3626));
    }

    @Test
    public void amount07() {
        assertEquals(91L, Percent.of(250L, 3626));
    }

    @Test
    public void amount08() {
        assertEquals(362L, Percent.of(999L, 3626));
    }

    @Test
    public void amount09() {
        assertEquals(364L, Percent.of(1005L, 3626));
    }

    @Test
    public void amount10() {
        assertEquals(4476L, Percent.of(12345L, 3626));
    }

    @Test
    public void amount11() {
        assertEquals(36260L, Percent.of(99999L, 3626));
    }

    @Test
    public void amount12() {
        assertEquals(362600L, Percent.of(1000000L, 3626));
    }
}

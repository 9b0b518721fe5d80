package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3737 basis points of twelve amounts, half-even. */
public class Rate101Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3737));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3737));
    }

    @Test
    public void amount03() {
        assertEquals(19L, Percent.of(50L, 3737));
    }

    @Test
    public void amount04() {
        assertEquals(37L, Percent.of(99L, 3737));
    }

    @Test
    public void amount05() {
        assertEquals(37L, Percent.of(100L, 3737));
    }

    @Test
    public void amount06() {
        assertEquals(56L, Percent.of(149L, 3737));
    }

    @Test
    public void amount07() {
        assertEquals(93L, Percent.of(250L, 3737));
    }

    @Test
    public void amount08() {
        assertEquals(373L, Percent.of(999L, 3737));
    }

    @Test
    public void amount09() {
        assertEquals(376L, Percent.of(1005L, 3737));
    }

    @Test
    public void amount10() {
        assertEquals(4613L, Percent.of(12345L, 3737));
    }

    @Test
    public void amount11() {
        assertEquals(37370L, Percent.of(99999L, 3737));
    }

    @Test
    public void amount12() {
        assertEquals(373700L, Percent.of(1000000L, 3737));
    }
}

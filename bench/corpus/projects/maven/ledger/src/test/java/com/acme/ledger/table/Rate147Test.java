package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5439 basis points of twelve amounts, half-even. */
public class Rate147Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5439));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5439));
    }

    @Test
    public void amount03() {
        assertEquals(27L, Percent.of(50L, 5439));
    }

    @Test
    public void amount04() {
        assertEquals(54L, Percent.of(99L, 5439));
    }

    @Test
    public void amount05() {
        assertEquals(54L, Percent.of(100L, 5439));
    }

    @Test
    public void amount06() {
        assertEquals(81L, Percent.of(149L, 5439));
    }

    @Test
    public void amount07() {
        assertEquals(136L, Percent.of(250L, 5439));
    }

    @Test
    public void amount08() {
        assertEquals(543L, Percent.of(999L, 5439));
    }

    @Test
    public void amount09() {
        assertEquals(547L, Percent.of(1005L, 5439));
    }

    @Test
    public void amount10() {
        assertEquals(6714L, Percent.of(12345L, 5439));
    }

    @Test
    public void amount11() {
        assertEquals(54389L, Percent.of(99999L, 5439));
    }

    @Test
    public void amount12() {
        assertEquals(543900L, Percent.of(1000000L, 5439));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4551 basis points of twelve amounts, half-even. */
public class Rate123Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4551));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4551));
    }

    @Test
    public void amount03() {
        assertEquals(23L, Percent.of(50L, 4551));
    }

    @Test
    public void amount04() {
        assertEquals(45L, Percent.of(99L, 4551));
    }

    @Test
    public void amount05() {
        assertEquals(46L, Percent.of(100L, 4551));
    }

    @Test
    public void amount06() {
        assertEquals(68L, Percent.of(149L, 4551));
    }

    @Test
    public void amount07() {
        assertEquals(114L, Percent.of(250L, 4551));
    }

    @Test
    public void amount08() {
        assertEquals(455L, Percent.of(999L, 4551));
    }

    @Test
    public void amount09() {
        assertEquals(457L, Percent.of(1005L, 4551));
    }

    @Test
    public void amount10() {
        assertEquals(5618L, Percent.of(12345L, 4551));
    }

    @Test
    public void amount11() {
        assertEquals(45510L, Percent.of(99999L, 4551));
    }

    @Test
    public void amount12() {
        assertEquals(455100L, Percent.of(1000000L, 4551));
    }
}

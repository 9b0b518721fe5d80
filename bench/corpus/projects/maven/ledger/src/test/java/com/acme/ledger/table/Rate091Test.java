package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3367 basis points of twelve amounts, half-even. */
public class Rate091Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3367));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3367));
    }

    @Test
    public void amount03() {
        assertEquals(17L, Percent.of(50L, 3367));
    }

    @Test
    public void amount04() {
        assertEquals(33L, Percent.of(99L, 3367));
    }

    @Test
    public void amount05() {
        assertEquals(34L, Percent.of(100L, 3367));
    }

    @Test
    public void amount06() {
        assertEquals(50L, Percent.of(149L, 3367));
    }

    @Test
    public void amount07() {
        assertEquals(84L, Percent.of(250L, 3367));
    }

    @Test
    public void amount08() {
        assertEquals(336L, Percent.of(999L, 3367));
    }

    @Test
    public void amount09() {
        assertEquals(338L, Percent.of(1005L, 3367));
    }

    @Test
    public void amount10() {
        assertEquals(4157L, Percent.of(12345L, 3367));
    }

    @Test
    public void amount11() {
        assertEquals(33670L, Percent.of(99999L, 3367));
    }

    @Test
    public void amount12() {
        assertEquals(336700L, Percent.of(1000000L, 3367));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2701 basis points of twelve amounts, half-even. */
public class Rate073Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2701));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2701));
    }

    @Test
    public void amount03() {
        assertEquals(14L, Percent.of(50L, 2701));
    }

    @Test
    public void amount04() {
        assertEquals(27L, Percent.of(99L, 2701));
    }

    @Test
    public void amount05() {
        assertEquals(27L, Percent.of(100L, 2701));
    }

    @Test
    public void amount06() {
        assertEquals(40L, Percent.of(149L, 2701));
    }

    @Test
    public void amount07() {
        assertEquals(68L, Percent.of(250L, 2701));
    }

    @Test
    public void amount08() {
        assertEquals(270L, Percent.of(999L, 2701));
    }

    @Test
    public void amount09() {
        assertEquals(271L, Percent.of(1005L, 2701));
    }

    @Test
    public void amount10() {
        assertEquals(3334L, Percent.of(12345L, 2701));
    }

    @Test
    public void amount11() {
        assertEquals(27010L, Percent.of(99999L, 2701));
    }

    @Test
    public void amount12() {
        assertEquals(270100L, Percent.of(1000000L, 2701));
    }
}

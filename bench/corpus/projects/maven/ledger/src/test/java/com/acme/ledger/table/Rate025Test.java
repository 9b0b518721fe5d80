package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 925 basis points of twelve amounts, half-even. */
public class Rate025Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 925));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 925));
    }

    @Test
    public void amount03() {
        assertEquals(5L, Percent.of(50L, 925));
    }

    @Test
    public void amount04() {
        assertEquals(9L, Percent.of(99L, 925));
    }

    @Test
    public void amount05() {
        assertEquals(9L, Percent.of(100L, 925));
    }

    @Test
    public void amount06() {
        assertEquals(14L, Percent.of(149L, 925));
    }

    @Test
    public void amount07() {
        assertEquals(23L, Percent.of(250L, 925));
    }

    @Test
    public void amount08() {
        assertEquals(92L, Percent.of(999L, 925));
    }

    @Test
    public void amount09() {
        assertEquals(93L, Percent.of(1005L, 925));
    }

    @Test
    public void amount10() {
        assertEquals(1142L, Percent.of(12345L, 925));
    }

    @Test
    public void amount11() {
        assertEquals(9250L, Percent.of(99999L, 925));
    }

    @Test
    public void amount12() {
        assertEquals(92500L, Percent.of(1000000L, 925));
    }
}

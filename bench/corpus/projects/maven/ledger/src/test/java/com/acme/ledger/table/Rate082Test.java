package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3034 basis points of twelve amounts, half-even. */
public class Rate082Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3034));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3034));
    }

    @Test
    public void amount03() {
        assertEquals(15L, Percent.of(50L, 3034));
    }

    @Test
    public void amount04() {
        assertEquals(30L, Percent.of(99L, 3034));
    }

    @Test
    public void amount05() {
        assertEquals(30L, Percent.of(100L, 3034));
    }

    @Test
    public void amount06() {
        assertEquals(45L, Percent.of(149L, 3034));
    }

    @Test
    public void amount07() {
        assertEquals(76L, Percent.of(250L, 3034));
    }

    @Test
    public void amount08() {
        assertEquals(303L, Percent.of(999L, 3034));
    }

    @Test
    public void amount09() {
        assertEquals(305L, Percent.of(1005L, 3034));
    }

    @Test
    public void amount10() {
        assertEquals(3745L, Percent.of(12345L, 3034));
    }

    @Test
    public void amount11() {
        assertEquals(30340L, Percent.of(99999L, 3034));
    }

    @Test
    public void amount12() {
        assertEquals(303400L, Percent.of(1000000L, 3034));
    }
}

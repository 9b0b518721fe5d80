package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2257 basis points of twelve amounts, half-even. */
public class Rate061Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2257));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2257));
    }

    @Test
    public void amount03() {
        assertEquals(11L, Percent.of(50L, 2257));
    }

    @Test
    public void amount04() {
        assertEquals(22L, Percent.of(99L, 2257));
    }

    @Test
    public void amount05() {
        assertEquals(23L, Percent.of(100L, 2257));
    }

    @Test
    public void amount06() {
        assertEquals(34L, Percent.of(149L, 2257));
    }

    @Test
    public void amount07() {
        assertEquals(56L, Percent.of(250L, 2257));
    }

    @Test
    public void amount08() {
        assertEquals(225L, Percent.of(999L, 2257));
    }

    @Test
    public void amount09() {
        assertEquals(227L, Percent.of(1005L, 2257));
    }

    @Test
    public void amount10() {
        assertEquals(2786L, Percent.of(12345L, 2257));
    }

    @Test
    public void amount11() {
        assertEquals(22570L, Percent.of(99999L, 2257));
    }

    @Test
    public void amount12() {
        assertEquals(225700L, Percent.of(1000000L, 2257));
    }
}

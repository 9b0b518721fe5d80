package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 777 basis points of twelve amounts, half-even. */
public class Rate021Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 777));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 777));
    }

    @Test
    public void amount03() {
        assertEquals(4L, Percent.of(50L, 777));
    }

    @Test
    public void amount04() {
        assertEquals(8L, Percent.of(99L, 777));
    }

    @Test
    public void amount05() {
        assertEquals(8L, Percent.of(100L, 777));
    }

    @Test
    public void amount06() {
        assertEquals(12L, Percent.of(149L, 777));
    }

    @Test
    public void amount07() {
        assertEquals(19L, Percent.of(250L, 777));
    }

    @Test
    public void amount08() {
        assertEquals(78L, Percent.of(999L, 777));
    }

    @Test
    public void amount09() {
        assertEquals(78L, Percent.of(1005L, 777));
    }

    @Test
    public void amount10() {
        assertEquals(959L, Percent.of(12345L, 777));
    }

    @Test
    public void amount11() {
        assertEquals(7770L, Percent.of(99999L, 777));
    }

    @Test
    public void amount12() {
        assertEquals(77700L, Percent.of(1000000L, 777));
    }
}

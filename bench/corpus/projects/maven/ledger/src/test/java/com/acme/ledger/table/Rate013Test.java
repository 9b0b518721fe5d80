package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 481 basis points of twelve amounts, half-even. */
public class Rate013Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 481));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 481));
    }

    @Test
    public void amount03() {
        assertEquals(2L, Percent.of(50L, 481));
    }

    @Test
    public void amount04() {
        assertEquals(5L, Percent.of(99L, 481));
    }

    @Test
    public void amount05() {
        assertEquals(5L, Percent.of(100L, 481));
    }

    @Test
    public void amount06() {
        assertEquals(7L, Percent.of(149L, 481));
    }

    @Test
    public void amount07() {
        assertEquals(12L, Percent.of(250L, 481));
    }

    @Test
    public void amount08() {
        assertEquals(48L, Percent.of(999L, 481));
    }

    @Test
    public void amount09() {
        assertEquals(48L, Percent.of(1005L, 481));
    }

    @Test
    public void amount10() {
        assertEquals(594L, Percent.of(12345L, 481));
    }

    @Test
    public void amount11() {
        assertEquals(4810L, Percent.of(99999L, 481));
    }

    @Test
    public void amount12() {
        assertEquals(48100L, Percent.of(1000000L, 481));
    }
}

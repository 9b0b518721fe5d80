package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4144 basis points of twelve amounts, half-even. */
public class Rate112Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4144));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4144));
    }

    @Test
    public void amount03() {
        assertEquals(21L, Percent.of(50L, 4144));
    }

    @Test
    public void amount04() {
        assertEquals(41L, Percent.of(99L, 4144));
    }

    @Test
    public void amount05() {
        assertEquals(41L, Percent.of(100L, 4144));
    }

    @Test
    public void amount06() {
        assertEquals(62L, Percent.of(149L, 4144));
    }

    @Test
    public void amount07() {
        assertEquals(104L, Percent.of(250L, 4144));
    }

    @Test
    public void amount08() {
        assertEquals(414L, Percent.of(999L, 4144));
    }

    @Test
    public void amount09() {
        assertEquals(416L, Percent.of(1005L, 4144));
    }

    @Test
    public void amount10() {
        assertEquals(5116L, Percent.of(12345L, 4144));
    }

    @Test
    public void amount11() {
        assertEquals(41440L, Percent.of(99999L, 4144));
    }

    @Test
    public void amount12() {
        assertEquals(414400L, Percent.of(1000000L, 4144));
    }
}

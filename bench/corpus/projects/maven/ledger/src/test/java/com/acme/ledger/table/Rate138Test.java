package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5106 basis points of twelve amounts, half-even. */
public class Rate138Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5106));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5106));
    }

    @Test
    public void amount03() {
        assertEquals(26L, Percent.of(50L, 5106));
    }

    @Test
    public void amount04() {
        assertEquals(51L, Percent.of(99L, 5106));
    }

    @Test
    public void amount05() {
        assertEquals(51L, Percent.of(100L, 5106));
    }

    @Test
    public void amount06() {
        assertEquals(76L, Percent.of(149L, 5106));
    }

    @Test
    public void amount07() {
        assertEquals(128L, Percent.of(250L, 5106));
    }

    @Test
    public void amount08() {
        assertEquals(510L, Percent.of(999L, 5106));
    }

    @Test
    public void amount09() {
        assertEquals(513L, Percent.of(1005L, 5106));
    }

    @Test
    public void amount10() {
        assertEquals(6303L, Percent.of(12345L, 5106));
    }

    @Test
    public void amount11() {
        assertEquals(51059L, Percent.of(99999L, 5106));
    }

    @Test
    public void amount12() {
        assertEquals(510600L, Percent.of(1000000L, 5106));
    }
}

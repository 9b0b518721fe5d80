package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1517 basis points of twelve amounts, half-even. */
public class Rate041Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1517));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1517));
    }

    @Test
    public void amount03() {
        assertEquals(8L, Percent.of(50L, 1517));
    }

    @Test
    public void amount04() {
        assertEquals(15L, Percent.of(99L, 1517));
    }

    @Test
    public void amount05() {
        assertEquals(15L, Percent.of(100L, 1517));
    }

    @Test
    public void amount06() {
        assertEquals(23L, Percent.of(149L, 1517));
    }

    @Test
    public void amount07() {
        assertEquals(38L, Percent.of(250L, 1517));
    }

    @Test
    public void amount08() {
        assertEquals(152L, Percent.of(999L, 1517));
    }

    @Test
    public void amount09() {
        assertEquals(152L, Percent.of(1005L, 1517));
    }

    @Test
    public void amount10() {
        assertEquals(1873L, Percent.of(12345L, 1517));
    }

    @Test
    public void amount11() {
        assertEquals(15170L, Percent.of(99999L, 1517));
    }

    @Test
    public void amount12() {
        assertEquals(151700L, Percent.of(1000000L, 1517));
    }
}

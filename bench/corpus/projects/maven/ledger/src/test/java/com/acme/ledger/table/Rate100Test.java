package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3700 basis points of twelve amounts, half-even. */
public class Rate100Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3700));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3700));
    }

    @Test
    public void amount03() {
        assertEquals(18L, Percent.of(50L, 3700));
    }

    @Test
    public void amount04() {
        assertEquals(37L, Percent.of(99L, 3700));
    }

    @Test
    public void amount05() {
        assertEquals(37L, Percent.of(100L, 3700));
    }

    @Test
    public void amount06() {
        assertEquals(55L, Percent.of(149L, 3700));
    }

    @Test
    public void amount07() {
        assertEquals(92L, Percent.of(250L, 3700));
    }

    @Test
    public void amount08() {
        assertEquals(370L, Percent.of(999L, 3700));
    }

    @Test
    public void amount09() {
        assertEquals(372L, Percent.of(1005L, 3700));
    }

    @Test
    public void amount10() {
        assertEquals(4568L, Percent.of(12345L, 3700));
    }

    @Test
    public void amount11() {
        assertEquals(37000L, Percent.of(99999L, 3700));
    }

    @Test
    public void amount12() {
        assertEquals(370000L, Percent.of(1000000L, 3700));
    }
}

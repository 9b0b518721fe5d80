package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4218 basis points of twelve amounts, half-even. */
public class Rate114Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4218));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4218));
    }

    @Test
    public void amount03() {
        assertEquals(21L, Percent.of(50L, 4218));
    }

    @Test
    public void amount04() {
        assertEquals(42L, Percent.of(99L, 4218));
    }

    @Test
    public void amount05() {
        assertEquals(42L, Percent.of(100L, 4218));
    }

    @Test
    public void amount06() {
        assertEquals(63L, Percent.of(149L, 4218));
    }

    @Test
    public void amount07() {
        assertEquals(105L, Percent.of(250L, 4218));
    }

    @Test
    public void amount08() {
        assertEquals(421L, Percent.of(999L, 4218));
    }

    @Test
    public void amount09() {
        assertEquals(424L, Percent.of(1005L, 4218));
    }

    @Test
    public void amount10() {
        assertEquals(5207L, Percent.of(12345L, 4218));
    }

    @Test
    public void amount11() {
        assertEquals(42180L, Percent.of(99999L, 4218));
    }

    @Test
    public void amount12() {
        assertEquals(421800L, Percent.of(1000000L, 4218));
    }
}

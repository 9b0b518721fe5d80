package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4181 basis points of twelve amounts, half-even. */
public class Rate113Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4181));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4181));
    }

    @Test
    public void amount03() {
        assertEquals(21L, Percent.of(50L, 4181));
    }

    @Test
    public void amount04() {
        assertEquals(41L, Percent.of(99L, 4181));
    }

    @Test
    public void amount05() {
        assertEquals(42L, Percent.of(100L, 4181));
    }

    @Test
    public void amount06() {
        assertEquals(62L, Percent.of(149L, 4181));
    }

    @Test
    public void amount07() {
        assertEquals(105L, Percent.of(250L, 4181));
    }

    @Test
    public void amount08() {
        assertEquals(418L, Percent.of(999L, 4181));
    }

    @Test
    public void amount09() {
        assertEquals(420L, Percent.of(1005L, 4181));
    }

    @Test
    public void amount10() {
        assertEquals(5161L, Percent.of(12345L, 4181));
    }

    @Test
    public void amount11() {
        assertEquals(41810L, Percent.of(99999L, 4181));
    }

    @Test
    public void amount12() {
        assertEquals(418100L, Percent.of(1000000L, 4181));
    }
}

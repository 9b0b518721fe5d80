package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 5476 basis points of twelve amounts, half-even. */
public class Rate148Test {
    @Test
    public void amount01() {
        assertEquals(1L, Percent.of(1L, 5476));
    }

    @Test
    public void amount02() {
        assertEquals(3L, Percent.of(5L, 5476));
    }

    @Test
    public void amount03() {
        assertEquals(27L, Percent.of(50L, 5476));
    }

    @Test
    public void amount04() {
        assertEquals(54L, Percent.of(99L, 5476));
    }

    @Test
    public void amount05() {
        assertEquals(55L, Percent.of(100L, 5476));
    }

    @Test
    public void amount06() {
        assertEquals(82L, Percent.of(149L, 5476));
    }

    @Test
    public void amount07() {
        assertEquals(137L, Percent.of(250L, 5476));
    }

    @Test
    public void amount08() {
        assertEquals(547L, Percent.of(999L, 5476));
    }

    @Test
    public void amount09() {
        assertEquals(550L, Percent.of(1005L, 5476));
    }

    @Test
    public void amount10() {
        assertEquals(6760L, Percent.of(12345L, 5476));
    }

    @Test
    public void amount11() {
        assertEquals(54759L, Percent.of(99999L, 5476));
    }

    @Test
    public void amount12() {
        assertEquals(547600L, Percent.of(1000000L, 5476));
    }
}

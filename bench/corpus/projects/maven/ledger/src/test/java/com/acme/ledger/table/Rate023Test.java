package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 851 basis points of twelve amounts, half-even. */
public class Rate023Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 851));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 851));
    }

    @Test
    public void amount03() {
        assertEquals(4L, Percent.of(50L, 851));
    }

    @Test
    public void amount04() {
        assertEquals(8L, Percent.of(99L, 851));
    }

    @Test
    public void amount05() {
        assertEquals(9L, Percent.of(100L, 851));
    }

    @Test
    public void amount06() {
        assertEquals(13L, Percent.of(149L, 851));
    }

    @Test
    public void amount07() {
        assertEquals(21L, Percent.of(250L, 851));
    }

    @Test
    public void amount08() {
        assertEquals(85L, Percent.of(999L, 851));
    }

    @Test
    public void amount09() {
        assertEquals(86L, Percent.of(1005L, 851));
    }

    @Test
    public void amount10() {
        assertEquals(1051L, Percent.of(12345L, 851));
    }

    @Test
    public void amount11() {
        assertEquals(8510L, Percent.of(99999L, 851));
    }

    @Test
    public void amount12() {
        assertEquals(85100L, Percent.of(1000000L, 851));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 629 basis points of twelve amounts, half-even. */
public class Rate017Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 629));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 629));
    }

    @Test
    public void amount03() {
        assertEquals(3L, Percent.of(50L, 629));
    }

    @Test
    public void amount04() {
        assertEquals(6L, Percent.of(99L, 629));
    }

    @Test
    public void amount05() {
        assertEquals(6L, Percent.of(100L, 629));
    }

    @Test
    public void amount06() {
        assertEquals(9L, Percent.of(149L, 629));
    }

    @Test
    public void amount07() {
        assertEquals(16L, Percent.of(250L, 629));
    }

    @Test
    public void amount08() {
        assertEquals(63L, Percent.of(999L, 629));
    }

    @Test
    public void amount09() {
        assertEquals(63L, Percent.of(1005L, 629));
    }

    @Test
    public void amount10() {
        assertEquals(777L, Percent.of(12345L, 629));
    }

    @Test
    public void amount11() {
        assertEquals(6290L, Percent.of(99999L, 629));
    }

    @Test
    public void amount12() {
        assertEquals(62900L, Percent.of(1000000L, 629));
    }
}

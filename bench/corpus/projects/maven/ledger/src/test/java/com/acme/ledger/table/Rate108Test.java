package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3996 basis points of twelve amounts, half-even. */
public class Rate108Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3996));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3996));
    }

    @Test
    public void amount03() {
        assertEquals(20L, Percent.of(50L, 3996));
    }

    @Test
    public void amount04() {
        assertEquals(40L, Percent.of(99L, 3996));
    }

    @Test
    public void amount05() {
        assertEquals(40L, Percent.of(100L, 3996));
    }

    @Test
    public void amount06() {
        assertEquals(60L, Percent.of(149L, 3996));
    }

    @Test
    public void amount07() {
        assertEquals(100L, Percent.of(250L, 3996));
    }

    @Test
    public void amount08() {
        assertEquals(399L, Percent.of(999L, 3996));
    }

    @Test
    public void amount09() {
        assertEquals(402L, Percent.of(1005L, 3996));
    }

    @Test
    public void amount10() {
        assertEquals(4933L, Percent.of(12345L, 3996));
    }

    @Test
    public void amount11() {
        assertEquals(39960L, Percent.of(99999L, 3996));
    }

    @Test
    public void amount12() {
        assertEquals(399600L, Percent.of(1000000L, 3996));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 370 basis points of twelve amounts, half-even. */
public class Rate010Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 370));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 370));
    }

    @Test
    public void amount03() {
        assertEquals(2L, Percent.of(50L, 370));
    }

    @Test
    public void amount04() {
        assertEquals(4L, Percent.of(99L, 370));
    }

    @Test
    public void amount05() {
        assertEquals(4L, Percent.of(100L, 370));
    }

    @Test
    public void amount06() {
        assertEquals(6L, Percent.of(149L, 370));
    }

    @Test
    public void amount07() {
        assertEquals(9L, Percent.of(250L, 370));
    }

    @Test
    public void amount08() {
        assertEquals(37L, Percent.of(999L, 370));
    }

    @Test
    public void amount09() {
        assertEquals(37L, Percent.of(1005L, 370));
    }

    @Test
    public void amount10() {
        assertEquals(457L, Percent.of(12345L, 370));
    }

    @Test
    public void amount11() {
        assertEquals(3700L, Percent.of(99999L, 370));
    }

    @Test
    public void amount12() {
        assertEquals(37000L, Percent.of(1000000L, 370));
    }
}

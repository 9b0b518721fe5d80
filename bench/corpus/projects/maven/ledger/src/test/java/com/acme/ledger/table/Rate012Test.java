package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 444 basis points of twelve amounts, half-even. */
public class Rate012Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 444));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 444));
    }

    @Test
    public void amount03() {
        assertEquals(2L, Percent.of(50L, 444));
    }

    @Test
    public void amount04() {
        assertEquals(4L, Percent.of(99L, 444));
    }

    @Test
    public void amount05() {
        assertEquals(4L, Percent.of(100L, 444));
    }

    @Test
    public void amount06() {
        assertEquals(7L, Percent.of(149L, 444));
    }

    @Test
    public void amount07() {
        assertEquals(11L, Percent.of(250L, 444));
    }

    @Test
    public void amount08() {
        assertEquals(44L, Percent.of(999L, 444));
    }

    @Test
    public void amount09() {
        assertEquals(45L, Percent.of(1005L, 444));
    }

    @Test
    public void amount10() {
        assertEquals(548L, Percent.of(12345L, 444));
    }

    @Test
    public void amount11() {
        assertEquals(4440L, Percent.of(99999L, 444));
    }

    @Test
    public void amount12() {
        assertEquals(44400L, Percent.of(1000000L, 444));
    }
}

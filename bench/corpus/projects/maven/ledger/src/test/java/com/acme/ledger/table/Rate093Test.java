package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3441 basis points of twelve amounts, half-even. */
public class Rate093Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3441));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3441));
    }

    @Test
    public void amount03() {
        assertEquals(17L, Percent.of(50L, 3441));
    }

    @Test
    public void amount04() {
        assertEquals(34L, Percent.of(99L, 3441));
    }

    @Test
    public void amount05() {
        assertEquals(34L, Percent.of(100L, 3441));
    }

    @Test
    public void amount06() {
        assertEquals(51L, Percent.of(149L, 3441));
    }

    @Test
    public void amount07() {
        assertEquals(86L, Percent.of(250L, 3441));
    }

    @Test
    public void amount08() {
        assertEquals(344L, Percent.of(999L, 3441));
    }

    @Test
    public void amount09() {
        assertEquals(346L, Percent.of(1005L, 3441));
    }

    @Test
    public void amount10() {
        assertEquals(4248L, Percent.of(12345L, 3441));
    }

    @Test
    public void amount11() {
        assertEquals(34410L, Percent.of(99999L, 3441));
    }

    @Test
    public void amount12() {
        assertEquals(344100L, Percent.of(1000000L, 3441));
    }
}

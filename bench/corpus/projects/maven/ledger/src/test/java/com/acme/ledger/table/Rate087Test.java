package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3219 basis points of twelve amounts, half-even. */
public class Rate087Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3219));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3219));
    }

    @Test
    public void amount03() {
        assertEquals(16L, Percent.of(50L, 3219));
    }

    @Test
    public void amount04() {
        assertEquals(32L, Percent.of(99L, 3219));
    }

    @Test
    public void amount05() {
        assertEquals(32L, Percent.of(100L, 3219));
    }

    @Test
    public void amount06() {
        assertEquals(48L, Percent.of(149L, 3219));
    }

    @Test
    public void amount07() {
        assertEquals(80L, Percent.of(250L, 3219));
    }

    @Test
    public void amount08() {
        assertEquals(322L, Percent.of(999L, 3219));
    }

    @Test
    public void amount09() {
        assertEquals(324L, Percent.of(1005L, 3219));
    }

    @Test
    public void amount10() {
        assertEquals(3974L, Percent.of(12345L, 3219));
    }

    @Test
    public void amount11() {
        assertEquals(32190L, Percent.of(99999L, 3219));
    }

    @Test
    public void amount12() {
        assertEquals(321900L, Percent.of(1000000L, 3219));
    }
}

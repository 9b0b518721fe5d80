package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3811 basis points of twelve amounts, half-even. */
public class Rate103Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3811));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3811));
    }

    @Test
    public void amount03() {
        assertEquals(19L, Percent.of(50L, 3811));
    }

    @Test
    public void amount04() {
        assertEquals(38L, Percent.of(99L, 3811));
    }

    @Test
    public void amount05() {
        assertEquals(38L, Percent.of(100L, 3811));
    }

    @Test
    public void amount06() {
        assertEquals(57L, Percent.of(149L, 3811));
    }

    @Test
    public void amount07() {
        assertEquals(95L, Percent.of(250L, 3811));
    }

    @Test
    public void amount08() {
        assertEquals(381L, Percent.of(999L, 3811));
    }

    @Test
    public void amount09() {
        assertEquals(383L, Percent.of(1005L, 3811));
    }

    @Test
    public void amount10() {
        assertEquals(4705L, Percent.of(12345L, 3811));
    }

    @Test
    public void amount11() {
        assertEquals(38110L, Percent.of(99999L, 3811));
    }

    @Test
    public void amount12() {
        assertEquals(381100L, Percent.of(1000000L, 3811));
    }
}

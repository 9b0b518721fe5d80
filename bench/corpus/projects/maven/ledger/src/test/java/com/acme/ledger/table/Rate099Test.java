package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3663 basis points of twelve amounts, half-even. */
public class Rate099Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3663));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3663));
    }

    @Test
    public void amount03() {
        assertEquals(18L, Percent.of(50L, 3663));
    }

    @Test
    public void amount04() {
        assertEquals(36L, Percent.of(99L, 3663));
    }

    @Test
    public void amount05() {
        assertEquals(37L, Percent.of(100L, 3663));
    }

    @Test
    public void amount06() {
        assertEquals(55L, Percent.of(149L, 3663));
    }

    @Test
    public void amount07() {
        assertEquals(92L, Percent.of(250L, 3663));
    }

    @Test
    public void amount08() {
        assertEquals(366L, Percent.of(999L, 3663));
    }

    @Test
    public void amount09() {
        assertEquals(368L, Percent.of(1005L, 3663));
    }

    @Test
    public void amount10() {
        assertEquals(4522L, Percent.of(12345L, 3663));
    }

    @Test
    public void amount11() {
        assertEquals(36630L, Percent.of(99999L, 3663));
    }

    @Test
    public void amount12() {
        assertEquals(366300L, Percent.of(1000000L, 3663));
    }
}

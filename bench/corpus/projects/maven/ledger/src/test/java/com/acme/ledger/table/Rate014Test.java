package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 518 basis points of twelve amounts, half-even. */
public class Rate014Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 518));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 518));
    }

    @Test
    public void amount03() {
        assertEquals(3L, Percent.of(50L, 518));
    }

    @Test
    public void amount04() {
        assertEquals(5L, Percent.of(99L, 518));
    }

    @Test
    public void amount05() {
        assertEquals(5L, Percent.of(100L, 518));
    }

    @Test
    public void amount06() {
        assertEquals(8L, Percent.of(149L, 518));
    }

    @Test
    public void amount07() {
        assertEquals(13L, Percent.of(250L, 518));
    }

    @Test
    public void amount08() {
        assertEquals(52L, Percent.of(999L, 518));
    }

    @Test
    public void amount09() {
        assertEquals(52L, Percent.of(1005L, 518));
    }

    @Test
    public void amount10() {
        assertEquals(639L, Percent.of(12345L, 518));
    }

    @Test
    public void amount11() {
        assertEquals(5180L, Percent.of(99999L, 518));
    }

    @Test
    public void amount12() {
        assertEquals(51800L, Percent.of(1000000L, 518));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4884 basis points of twelve amounts, half-even. */
public class Rate132Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4884));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4884));
    }

    @Test
    public void amount03() {
        assertEquals(24L, Percent.of(50L, 4884));
    }

    @Test
    public void amount04() {
        assertEquals(48L, Percent.of(99L, 4884));
    }

    @Test
    public void amount05() {
        assertEquals(49L, Percent.of(100L, 4884));
    }

    @Test
    public void amount06() {
        assertEquals(73L, Percent.of(149L, 4884));
    }

    @Test
    public void amount07() {
        assertEquals(122L, Percent.of(250L, 4884));
    }

    @Test
    public void amount08() {
        assertEquals(488L, Percent.of(999L, 4884));
    }

    @Test
    public void amount09() {
        assertEquals(491L, Percent.of(1005L, 4884));
    }

    @Test
    public void amount10() {
        assertEquals(6029L, Percent.of(12345L, 4884));
    }

    @Test
    public void amount11() {
        assertEquals(48840L, Percent.of(99999L, 4884));
    }

    @Test
    public void amount12() {
        assertEquals(488400L, Percent.of(1000000L, 4884));
    }
}

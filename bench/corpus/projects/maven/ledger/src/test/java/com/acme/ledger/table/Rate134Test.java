package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4958 basis points of twelve amounts, half-even. */
public class Rate134Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4958));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4958));
    }

    @Test
    public void amount03() {
        assertEquals(25L, Percent.of(50L, 4958));
    }

    @Test
    public void amount04() {
        assertEquals(49L, Percent.of(99L, 4958));
    }

    @Test
    public void amount05() {
        assertEquals(50L, Percent.of(100L, 4958));
    }

    @Test
    public void amount06() {
        assertEquals(74L, Percent.of(149L, 4958));
    }

    @Test
    public void amount07() {
        assertEquals(124L, Percent.of(250L, 4958));
    }

    @Test
    public void amount08() {
        assertEquals(495L, Percent.of(999L, 4958));
    }

    @Test
    public void amount09() {
        assertEquals(498L, Percent.of(1005L, 4958));
    }

    @Test
    public void amount10() {
        assertEquals(6121L, Percent.of(12345L, 4958));
    }

    @Test
    public void amount11() {
        assertEquals(49580L, Percent.of(99999L, 4958));
    }

    @Test
    public void amount12() {
        assertEquals(495800L, Percent.of(1000000L, 4958));
    }
}

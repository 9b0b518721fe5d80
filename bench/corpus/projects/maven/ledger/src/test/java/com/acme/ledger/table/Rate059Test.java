package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2183 basis points of twelve amounts, half-even. */
public class Rate059Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2183));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2183));
    }

    @Test
    public void amount03() {
        assertEquals(11L, Percent.of(50L, 2183));
    }

    @Test
    public void amount04() {
        assertEquals(22L, Percent.of(99L, 2183));
    }

    @Test
    public void amount05() {
        assertEquals(22L, Percent.of(100L, 2183));
    }

    @Test
    public void amount06() {
        assertEquals(33L, Percent.of(149L, 2183));
    }

    @Test
    public void amount07() {
        assertEquals(55L, Percent.of(250L, 2183));
    }

    @Test
    public void amount08() {
        assertEquals(218L, Percent.of(999L, 2183));
    }

    @Test
    public void amount09() {
        assertEquals(219L, Percent.of(1005L, 2183));
    }

    @Test
    public void amount10() {
        assertEquals(2695L, Percent.of(12345L, 2183));
    }

    @Test
    public void amount11() {
        assertEquals(21830L, Percent.of(99999L, 2183));
    }

    @Test
    public void amount12() {
        assertEquals(218300L, Percent.of(1000000L, 2183));
    }
}

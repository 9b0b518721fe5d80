package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 1813 basis points of twelve amounts, half-even. */
public class Rate049Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 1813));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 1813));
    }

    @Test
    public void amount03() {
        assertEquals(9L, Percent.of(50L, 1813));
    }

    @Test
    public void amount04() {
        assertEquals(18L, Percent.of(99L, 1813));
    }

    @Test
    public void amount05() {
        assertEquals(18L, Percent.of(100L, 1813));
    }

    @Test
    public void amount06() {
        assertEquals(27L, Percent.of(149L, 1813));
    }

    @Test
    public void amount07() {
        assertEquals(45L, Percent.of(250L, 1813));
    }

    @Test
    public void amount08() {
        assertEquals(181L, Percent.of(999L, 1813));
    }

    @Test
    public void amount09() {
        assertEquals(182L, Percent.of(1005L, 1813));
    }

    @Test
    public void amount10() {
        assertEquals(2238L, Percent.of(12345L, 1813));
    }

    @Test
    public void amount11() {
        assertEquals(18130L, Percent.of(99999L, 1813));
    }

    @Test
    public void amount12() {
        assertEquals(181300L, Percent.of(1000000L, 1813));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3959 basis points of twelve amounts, half-even. */
public class Rate107Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3959));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3959));
    }

    @Test
    public void amount03() {
        assertEquals(20L, Percent.of(50L, 3959));
    }

    @Test
    public void amount04() {
        assertEquals(39L, Percent.of(99L, 3959));
    }

    @Test
    public void amount05() {
        assertEquals(40L, Percent.of(100L, 3959));
    }

    @Test
    public void amount06() {
        assertEquals(59L, Percent.of(149L, 3959));
    }

    @Test
    public void amount07() {
        assertEquals(99L, Percent.of(250L, 3959));
    }

    @Test
    public void amount08() {
        assertEquals(396L, Percent.of(999L, 3959));
    }

    @Test
    public void amount09() {
        assertEquals(398L, Percent.of(1005L, 3959));
    }

    @Test
    public void amount10() {
        assertEquals(4887L, Percent.of(12345L, 3959));
    }

    @Test
    public void amount11() {
        assertEquals(39590L, Percent.of(99999L, 3959));
    }

    @Test
    public void amount12() {
        assertEquals(395900L, Percent.of(1000000L, 3959));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2849 basis points of twelve amounts, half-even. */
public class Rate077Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2849));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2849));
    }

    @Test
    public void amount03() {
        assertEquals(14L, Percent.of(50L, 2849));
    }

    @Test
    public void amount04() {
        assertEquals(28L, Percent.of(99L, 2849));
    }

    @Test
    public void amount05() {
        assertEquals(28L, Percent.of(100L, 2849));
    }

    @Test
    public void amount06() {
        assertEquals(42L, Percent.of(149L, 2849));
    }

    @Test
    public void amount07() {
        assertEquals(71L, Percent.of(250L, 2849));
    }

    @Test
    public void amount08() {
        assertEquals(285L, Percent.of(999L, 2849));
    }

    @Test
    public void amount09() {
        assertEquals(286L, Percent.of(1005L, 2849));
    }

    @Test
    public void amount10() {
        assertEquals(3517L, Percent.of(12345L, 2849));
    }

    @Test
    public void amount11() {
        assertEquals(28490L, Percent.of(99999L, 2849));
    }

    @Test
    public void amount12() {
        assertEquals(284900L, Percent.of(1000000L, 2849));
    }
}

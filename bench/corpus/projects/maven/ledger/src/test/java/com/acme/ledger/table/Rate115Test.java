package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4255 basis points of twelve amounts, half-even. */
public class Rate115Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4255));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4255));
    }

    @Test
    public void amount03() {
        assertEquals(21L, Percent.of(50L, 4255));
    }

    @Test
    public void amount04() {
        assertEquals(42L, Percent.of(99L, 4255));
    }

    @Test
    public void amount05() {
        assertEquals(43L, Percent.of(100L, 4255));
    }

    @Test
    public void amount06() {
        assertEquals(63L, Percent.of(149L, 4255));
    }

    @Test
    public void amount07() {
        assertEquals(106L, Percent.of(250L, 4255));
    }

    @Test
    public void amount08() {
        assertEquals(425L, Percent.of(999L, 4255));
    }

    @Test
    public void amount09() {
        assertEquals(428L, Percent.of(1005L, 4255));
    }

    @Test
    public void amount10() {
        assertEquals(5253L, Percent.of(12345L, 4255));
    }

    @Test
    public void amount11() {
        assertEquals(42550L, Percent.of(99999L, 4255));
    }

    @Test
    public void amount12() {
        assertEquals(425500L, Percent.of(1000000L, 4255));
    }
}

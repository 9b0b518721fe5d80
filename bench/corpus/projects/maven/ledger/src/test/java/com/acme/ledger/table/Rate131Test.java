package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4847 basis points of twelve amounts, half-even. */
public class Rate131Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4847));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4847));
    }

    @Test
    public void amount03() {
        assertEquals(24L, Percent.of(50L, 4847));
    }

    @Test
    public void amount04() {
        assertEquals(48L, Percent.of(99L, 4847));
    }

    @Test
    public void amount05() {
        assertEquals(48L, Percent.of(100L, 4847));
    }

    @Test
    public void amount06() {
        assertEquals(72L, Percent.of(149L, 4847));
    }

    @Test
    public void amount07() {
        assertEquals(121L, Percent.of(250L, 4847));
    }

    @Test
    public void amount08() {
        assertEquals(484L, Percent.of(999L, 4847));
    }

    @Test
    public void amount09() {
        assertEquals(487L, Percent.of(1005L, 4847));
    }

    @Test
    public void amount10() {
        assertEquals(5984L, Percent.of(12345L, 4847));
    }

    @Test
    public void amount11() {
        assertEquals(48470L, Percent.of(99999L, 4847));
    }

    @Test
    public void amount12() {
        assertEquals(484700L, Percent.of(1000000L, 4847));
    }
}

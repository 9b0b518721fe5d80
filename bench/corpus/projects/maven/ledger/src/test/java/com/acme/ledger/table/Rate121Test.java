package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4477 basis points of twelve amounts, half-even. */
public class Rate121Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4477));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4477));
    }

    @Test
    public void amount03() {
        assertEquals(22L, Percent.of(50L, 4477));
    }

    @Test
    public void amount04() {
        assertEquals(44L, Percent.of(99L, 4477));
    }

    @Test
    public void amount05() {
        assertEquals(45L, Percent.of(100L, 4477));
    }

    @Test
    public void amount06() {
        assertEquals(67L, Percent.of(149L, 4477));
    }

    @Test
    public void amount07() {
        assertEquals(112L, Percent.of(250L, 4477));
    }

    @Test
    public void amount08() {
        assertEquals(447L, Percent.of(999L, 4477));
    }

    @Test
    public void amount09() {
        assertEquals(450L, Percent.of(1005L, 4477));
    }

    @Test
    public void amount10() {
        assertEquals(5527L, Percent.of(12345L, 4477));
    }

    @Test
    public void amount11() {
        assertEquals(44770L, Percent.of(99999L, 4477));
    }

    @Test
    public void amount12() {
        assertEquals(447700L, Percent.of(1000000L, 4477));
    }
}

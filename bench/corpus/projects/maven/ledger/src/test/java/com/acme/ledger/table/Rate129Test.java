package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4773 basis points of twelve amounts, half-even. */
public class Rate129Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4773));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4773));
    }

    @Test
    public void amount03() {
        assertEquals(24L, Percent.of(50L, 4773));
    }

    @Test
    public void amount04() {
        assertEquals(47L, Percent.of(99L, 4773));
    }

    @Test
    public void amount05() {
        assertEquals(48L, Percent.of(100L, 4773));
    }

    @Test
    public void amount06() {
        assertEquals(71L, Percent.of(149L, 4773));
    }

    @Test
    public void amount07() {
        assertEquals(119L, Percent.of(250L, 4773));
    }

    @Test
    public void amount08() {
        assertEquals(477L, Percent.of(999L, 4773));
    }

    @Test
    public void amount09() {
        assertEquals(480L, Percent.of(1005L, 4773));
    }

    @Test
    public void amount10() {
        assertEquals(5892L, Percent.of(12345L, 4773));
    }

    @Test
    public void amount11() {
        assertEquals(47730L, Percent.of(99999L, 4773));
    }

    @Test
    public void amount12() {
        assertEquals(477300L, Percent.of(1000000L, 4773));
    }
}

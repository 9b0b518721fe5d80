package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 2997 basis points of twelve amounts, half-even. */
public class Rate081Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 2997));
    }

    @Test
    public void amount02() {
        assertEquals(1L, Percent.of(5L, 2997));
    }

    @Test
    public void amount03() {
        assertEquals(15L, Percent.of(50L, 2997));
    }

    @Test
    public void amount04() {
        assertEquals(30L, Percent.of(99L, 2997));
    }

    @Test
    public void amount05() {
        assertEquals(30L, Percent.of(100L, 2997));
    }

    @Test
    public void amount06() {
        assertEquals(45L, Percent.of(149L, 2997));
    }

    @Test
    public void amount07() {
        assertEquals(75L, Percent.of(250L, 2997));
    }

    @Test
    public void amount08() {
        assertEquals(299L, Percent.of(999L, 2997));
    }

    @Test
    public void amount09() {
        assertEquals(301L, Percent.of(1005L, 2997));
    }

    @Test
    public void amount10() {
        assertEquals(3700L, Percent.of(12345L, 2997));
    }

    @Test
    public void amount11() {
        assertEquals(29970L, Percent.of(99999L, 2997));
    }

    @Test
    public void amount12() {
        assertEquals(299700L, Percent.of(1000000L, 2997));
    }
}

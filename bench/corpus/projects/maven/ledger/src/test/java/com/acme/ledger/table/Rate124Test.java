package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4588 basis points of twelve amounts, half-even. */
public class Rate124Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4588));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4588));
    }

    @Test
    public void amount03() {
        assertEquals(23L, Percent.of(50L, 4588));
    }

    @Test
    public void amount04() {
        assertEquals(45L, Percent.of(99L, 4588));
    }

    @Test
    public void amount05() {
        assertEquals(46L, Percent.of(100L, 4588));
    }

    @Test
    public void amount06() {
        assertEquals(68L, Percent.of(149L, 4588));
    }

    @Test
    public void amount07() {
        assertEquals(115L, Percent.of(250L, 4588));
    }

    @Test
    public void amount08() {
        assertEquals(458L, Percent.of(999L, 4588));
    }

    @Test
    public void amount09() {
        assertEquals(461L, Percent.of(1005L, 4588));
    }

    @Test
    public void amount10() {
        assertEquals(5664L, Percent.of(12345L, 4588));
    }

    @Test
    public void amount11() {
        assertEquals(45880L, Percent.of(99999L, 4588));
    }

    @Test
    public void amount12() {
        assertEquals(458800L, Percent.of(1000000L, 4588));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4514 basis points of twelve amounts, half-even. */
public class Rate122Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4514));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4514));
    }

    @Test
    public void amount03() {
        assertEquals(23L, Percent.of(50L, 4514));
    }

    @Test
    public void amount04() {
        assertEquals(45L, Percent.of(99L, 4514));
    }

    @Test
    public void amount05() {
        assertEquals(45L, Percent.of(100L, 4514));
    }

    @Test
    public void amount06() {
        assertEquals(67L, Percent.of(149L, 4514));
    }

    @Test
    public void amount07() {
        assertEquals(113L, Percent.of(250L, 4514));
    }

    @Test
    public void amount08() {
        assertEquals(451L, Percent.of(999L, 4514));
    }

    @Test
    public void amount09() {
        assertEquals(454L, Percent.of(1005L, 4514));
    }

    @Test
    public void amount10() {
        assertEquals(5573L, Percent.of(12345L, 4514));
    }

    @Test
    public void amount11() {
        assertEquals(45140L, Percent.of(99999L, 4514));
    }

    @Test
    public void amount12() {
        assertEquals(451400L, Percent.of(1000000L, 4514));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 888 basis points of twelve amounts, half-even. */
public class Rate024Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 888));
    }

    @Test
    public void amount02() {
        assertEquals(0L, Percent.of(5L, 888));
    }

    @Test
    public void amount03() {
        assertEquals(4L, Percent.of(50L, 888));
    }

    @Test
    public void amount04() {
        assertEquals(9L, Percent.of(99L, 888));
    }

    @Test
    public void amount05() {
        assertEquals(9L, Percent.of(100L, 888));
    }

    @Test
    public void amount06() {
        assertEquals(13L, Percent.of(149L, 888));
    }

    @Test
    public void amount07() {
        assertEquals(22L, Percent.of(250L, 888));
    }

    @Test
    public void amount08() {
        assertEquals(89L, Percent.of(999L, 888));
    }

    @Test
    public void amount09() {
        assertEquals(89L, Percent.of(1005L, 888));
    }

    @Test
    public void amount10() {
        assertEquals(1096L, Percent.of(12345L, 888));
    }

    @Test
    public void amount11() {
        assertEquals(8880L, Percent.of(99999L, 888));
    }

    @Test
    public void amount12() {
        assertEquals(88800L, Percent.of(1000000L, 888));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 3774 basis points of twelve amounts, half-even. */
public class Rate102Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 3774));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 3774));
    }

    @Test
    public void amount03() {
        assertEquals(19L, Percent.of(50L, 3774));
    }

    @Test
    public void amount04() {
        assertEquals(37L, Percent.of(99L, 3774));
    }

    @Test
    public void amount05() {
        assertEquals(38L, Percent.of(100L, 3774));
    }

    @Test
    public void amount06() {
        assertEquals(56L, Percent.of(149L, 3774));
    }

    @Test
    public void amount07() {
        assertEquals(94L, Percent.of(250L, 3774));
    }

    @Test
    public void amount08() {
        assertEquals(377L, Percent.of(999L, 3774));
    }

    @Test
    public void amount09() {
        assertEquals(379L, Percent.of(1005L, 3774));
    }

    @Test
    public void amount10() {
        assertEquals(4659L, Percent.of(12345L, 3774));
    }

    @Test
    public void amount11() {
        assertEquals(37740L, Percent.of(99999L, 3774));
    }

    @Test
    public void amount12() {
        assertEquals(377400L, Percent.of(1000000L, 3774));
    }
}

package com.acme.ledger.table;

import static org.junit.Assert.assertEquals;

import com.acme.ledger.Percent;
import org.junit.Test;

/** 4366 basis points of twelve amounts, half-even. */
public class Rate118Test {
    @Test
    public void amount01() {
        assertEquals(0L, Percent.of(1L, 4366));
    }

    @Test
    public void amount02() {
        assertEquals(2L, Percent.of(5L, 4366));
    }

    @Test
    public void amount03() {
        assertEquals(22L, Percent.of(50L, 4366));
    }

    @Test
    public void amount04() {
        assertEquals(43L, Percent.of(99L, 4366));
    }

    @Test
    public void amount05() {
        assertEquals(44L, Percent.of(100L, 4366));
    }

    @Test
    public void amount06() {
        assertEquals(65L, Percent.of(149L, 4366));
    }

    @Test
    public void amount07() {
        assertEquals(109L, Percent.of(250L, 4366));
    }

    @Test
    public void amount08() {
        assertEquals(436L, Percent.of(999L, 4366));
    }

    @Test
    public void amount09() {
        assertEquals(439L, Percent.of(1005L, 4366));
    }

    @Test
    public void amount10() {
        assertEquals(5390L, Percent.of(12345L, 4366));
    }

    @Test
    public void amount11() {
        assertEquals(43660L, Percent.of(99999L, 4366));
    }

    @Test
    public void amount12() {
        assertEquals(436600L, Percent.of(1000000L, 4366));
    }
}

package com.acme.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class DateRulesTest {
    @Test
    public void centuriesAreNotLeapYears() {
        assertFalse(DateRules.isLeapYear(1900));
        assertFalse(DateRules.isLeapYear(2100));
    }

    @Test
    public void everyFourHundredYearsIsALeapYear() {
        assertTrue(DateRules.isLeapYear(2000));
    }

    @Test
    public void februaryHas29DaysInLeapYears() {
        assertEquals(29, DateRules.daysInMonth(2024, 2));
        assertEquals(28, DateRules.daysInMonth(2023, 2));
    }

    @Test
    public void daysLeftCountsTheDayItself() {
        assertEquals(1, DateRules.daysLeft(2023, 1, 31));
        assertEquals(30, DateRules.daysLeft(2023, 4, 1));
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsMonth13() {
        DateRules.daysInMonth(2023, 13);
    }
}

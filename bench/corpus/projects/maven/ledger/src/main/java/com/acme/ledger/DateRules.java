package com.acme.ledger;

/** Calendar rules for booking periods. */
public final class DateRules {
    private DateRules() {
    }

    public static boolean isLeapYear(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    public static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                if (month < 1 || month > 12) {
                    throw new IllegalArgumentException("month out of range: " + month);
                }
                return 31;
        }
    }

    /** Days from the first of the month to the end of it, the first included. */
    public static int daysLeft(int year, int month, int day) {
        return daysInMonth(year, month) - day + 1;
    }
}

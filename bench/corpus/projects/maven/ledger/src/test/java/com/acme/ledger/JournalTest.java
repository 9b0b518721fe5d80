package com.acme.ledger;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import org.junit.Test;

public class JournalTest {
    @Test
    public void postsEvenWhenAListenerThrows() {
        Journal journal = new Journal();
        journal.listen((account, cents) -> {
            String missing = null;
            missing.length();
        });
        journal.post("4000-sales", 12_500);
        assertEquals(Arrays.asList("4000-sales 12500"), journal.lines());
    }
}

package com.acme.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Posts entries; an entry a listener chokes on is still posted (the listener's failure is only logged). */
public final class Journal {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    public interface Listener {
        void posted(String account, long cents);
    }

    private final List<String> lines = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    public void post(String account, long cents) {
        lines.add(account + " " + cents);
        for (Listener listener : listeners) {
            try {
                listener.posted(account, cents);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Bad things: listener failed for " + account, e);
            }
        }
    }

    public List<String> lines() {
        return lines;
    }
}

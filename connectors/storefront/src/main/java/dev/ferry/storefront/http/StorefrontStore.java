package dev.ferry.storefront.http;

import dev.ferry.core.xdm.XdmEvent;

import java.util.List;

/** Where the HTTP handler hands accepted events (the route) and reports what it counted. */
public interface StorefrontStore {

    /** Stores the events through the route; returns only once they are stored, or failed. */
    Outcome store(List<XdmEvent> accepted);

    void counted(int accepted, int rejected, int optedOut);

    void refused();

    /** Whether the route stored the events; the failure when it did not. */
    record Outcome(Exception failure) {

        public static final Outcome STORED = new Outcome(null);

        public static Outcome failed(Exception failure) {
            return new Outcome(failure);
        }

        public boolean stored() {
            return failure == null;
        }
    }
}

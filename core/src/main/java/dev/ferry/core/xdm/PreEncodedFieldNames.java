package dev.ferry.core.xdm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field names kept pre-encoded, for generators that write the same names millions of times: XDM events repeat a
 * few dozen names, and a name given as a String is encoded and escape-checked character by character every time
 * (about a tenth of a history export's mapping). A {@link SerializedString} keeps its quoted UTF-8 bytes. The
 * first {@code capacity} names are kept and any beyond them are written as they come, so names made from data
 * cannot grow the cache without bound. Safe to share between threads.
 */
public final class PreEncodedFieldNames {

    /** Far more than the XDM events' names (under a hundred), few enough to be no memory concern. */
    public static final int DEFAULT_CAPACITY = 512;

    /**
     * Slots looked at from a name's own: among the events' few dozen names, two with the same slot are likely, and
     * with one slot each they took it from each other on every event, sending both to the map every time.
     */
    private static final int PROBES = 4;

    private final int capacity;
    private final Map<String, SerializedString> names = new ConcurrentHashMap<>();
    /**
     * The names last found, by identity. The mappers' names are constants, the same String object every time, so
     * comparing references finds them without hashing or comparing characters: the map's look-up cost nearly as much
     * as encoding the name. A slot is replaced whole, so a racing reader sees one complete entry or the other.
     */
    private final Entry[] byIdentity;

    private record Entry(String name, SerializedString encoded) {
    }


    public PreEncodedFieldNames(int capacity) {
        this.capacity = capacity;
        this.byIdentity = new Entry[Integer.highestOneBit(Math.max(1, capacity)) << 2];
    }

    /** A generator writing through {@code generator}, its field names from this cache. */
    public JsonGenerator wrap(JsonGenerator generator) {
        return new JsonGeneratorDelegate(generator, false) {
            @Override
            public void writeFieldName(String name) throws IOException {
                SerializedString encoded = encoded(name);
                if (encoded == null) {
                    delegate.writeFieldName(name);
                } else {
                    delegate.writeFieldName(encoded);
                }
            }
        };
    }

    private SerializedString encoded(String name) {
        int mask = byIdentity.length - 1;
        int home = System.identityHashCode(name) & mask;
        int free = -1;
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = (home + probe) & mask;
            Entry known = byIdentity[slot];
            if (known == null) {
                free = free < 0 ? slot : free;
            } else if (known.name() == name) {
                return known.encoded();
            }
        }
        SerializedString encoded = names.get(name);
        if (encoded == null && names.size() < capacity) {
            encoded = names.computeIfAbsent(name, SerializedString::new);
        }
        if (encoded != null) {
            byIdentity[free >= 0 ? free : home] = new Entry(name, encoded);
        }
        return encoded;
    }
}

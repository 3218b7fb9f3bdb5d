package dev.ferry.aep.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs parts into request bodies of the form {@code prefix part,part,... suffix}, each at most {@code maxBytes}:
 * greedily and in order, so events leave in the order they were given and requests stay as full as AEP allows.
 */
public final class AepRequestPacker {

    private final byte[] prefix;
    private final byte[] suffix;
    private final int maxBytes;

    public AepRequestPacker(String prefix, String suffix, int maxBytes) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The parts grouped into requests, in order. A part too large even alone is returned in a group of its own,
     * which {@link #fits} refuses, so the caller can reject it without sending.
     */
    public List<List<AepPart>> pack(List<AepPart> parts) {
        List<List<AepPart>> requests = new ArrayList<>();
        List<AepPart> current = new ArrayList<>();
        long size = 0;
        for (AepPart part : parts) {
            long grown = current.isEmpty() ? envelopeBytes() + part.json().length : size + 1 + part.json().length;
            if (!current.isEmpty() && grown > maxBytes) {
                requests.add(current);
                current = new ArrayList<>();
                grown = envelopeBytes() + part.json().length;
            }
            current.add(part);
            size = grown;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    public boolean fits(List<AepPart> parts) {
        return bodySize(parts) <= maxBytes;
    }

    public long bodySize(List<AepPart> parts) {
        long size = envelopeBytes() + Math.max(0, parts.size() - 1);
        for (AepPart part : parts) {
            size += part.json().length;
        }
        return size;
    }

    public byte[] body(List<AepPart> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) bodySize(parts));
        out.writeBytes(prefix);
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(parts.get(i).json());
        }
        out.writeBytes(suffix);
        return out.toByteArray();
    }

    private int envelopeBytes() {
        return prefix.length + suffix.length;
    }
}

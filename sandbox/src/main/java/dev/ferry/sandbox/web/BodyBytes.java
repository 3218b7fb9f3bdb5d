package dev.ferry.sandbox.web;

import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * A request body collected chunk by chunk into one array. Sized up front to the declared length, a body of
 * hundreds of megabytes is then handed over as it is, not copied again on the event loop; a body of unknown length
 * grows by doubling, so collecting it copies it a bounded number of times.
 */
final class BodyBytes {

    private byte[] bytes;
    private int size;

    /** @param expected the length the body is expected to have; it may turn out longer or shorter */
    BodyBytes(int expected) {
        bytes = new byte[expected];
    }

    void append(Buffer chunk) {
        int length = chunk.length();
        if (length > bytes.length - size) {
            bytes = Arrays.copyOf(bytes, Math.max(size + length, 2 * bytes.length));
        }
        chunk.getBytes(0, length, bytes, size);
        size += length;
    }

    byte[] toArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}

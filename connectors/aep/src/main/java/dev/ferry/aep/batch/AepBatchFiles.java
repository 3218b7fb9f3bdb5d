package dev.ferry.aep.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.xdm.Xdm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JSON Lines files of one batch, each at most {@code maxFileBytes}, and which event each row is. Events are
 * written to temporary files; files handed in ready-made are uploaded as they are when they fit, and split at line
 * boundaries when they do not. A row too large for any file is rejected rather than uploaded. Closing deletes
 * what this class wrote, never the caller's files.
 */
public final class AepBatchFiles implements AutoCloseable {

    /** Rows are written a few at a time rather than with a system call each: a batch can hold millions. */
    private static final int WRITE_BUFFER_BYTES = 1 << 16;

    private final long maxFileBytes;
    private final List<AepBatchFile> files = new ArrayList<>();
    private final List<DeliveryReport.Rejection> tooLarge = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Path workDir;

    private AepBatchFiles(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public static AepBatchFiles ofEvents(List<OutboundEvent> events, long maxFileBytes) throws IOException {
        AepBatchFiles batch = new AepBatchFiles(maxFileBytes);
        try (Parts parts = batch.new Parts("events")) {
            for (OutboundEvent event : events) {
                parts.add(event.id(), singleLine(event.json()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            batch.close();
            throw e;
        }
        return batch;
    }

    /** Files already in JSON Lines; each row is known by its {@code _id}, or by {@code file:line} without one. */
    public static AepBatchFiles ofJsonLines(List<Path> sources, long maxFileBytes) throws IOException {
        AepBatchFiles batch = new AepBatchFiles(maxFileBytes);
        try {
            for (Path source : sources) {
                batch.addJsonLines(source);
            }
        } catch (IOException | RuntimeException e) {
            batch.close();
            throw e;
        }
        return batch;
    }

    private void addJsonLines(Path source) throws IOException {
        String fileName = source.getFileName().toString();
        if (Files.size(source) <= maxFileBytes) {
            List<String> ids = new ArrayList<>();
            JsonLinesRows.forEachRow(source, (line, bytes, offset, length) ->
                    ids.add(idOf(bytes, offset, length, fileName + ":" + line)));
            files.add(new AepBatchFile(uniqueName(fileName), source, ids));
        } else {
            try (Parts parts = new Parts(stripExtension(fileName))) {
                JsonLinesRows.forEachRow(source, (line, bytes, offset, length) ->
                        parts.add(idOf(bytes, offset, length, fileName + ":" + line), bytes, offset, length));
            }
        }
    }

    /** The files to upload, in upload order. */
    public List<AepBatchFile> files() {
        return files;
    }

    /** Rows that no file could take. */
    public List<DeliveryReport.Rejection> tooLarge() {
        return tooLarge;
    }

    /** Every uploaded row's id, in AEP's row order: row {@code n} (1-based) is element {@code n - 1}. */
    public List<String> rowIds() {
        List<String> ids = new ArrayList<>();
        files.forEach(file -> ids.addAll(file.rowIds()));
        return ids;
    }

    @Override
    public void close() throws IOException {
        if (workDir != null) {
            try (Stream<Path> written = Files.walk(workDir)) {
                for (Path path : written.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static String singleLine(String json) {
        // JSON Lines needs one record per line; only JSON that was not written by Jackson's compact writer
        // can hold line breaks, and re-serialising it removes them.
        if (json.indexOf('\n') < 0 && json.indexOf('\r') < 0) {
            return json;
        }
        try {
            return Xdm.JSON.readTree(json).toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("an event's XDM is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The row's top-level {@code _id}, read with a streaming parser that stops at it: Ferry writes {@code _id} first,
     * so a multi-gigabyte export is not parsed twice just to name its rows.
     */
    private static String idOf(byte[] bytes, int offset, int length, String fallback) {
        try (JsonParser parser = Xdm.JSON.getFactory().createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fallback;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("_id".equals(name)) {
                    return value == JsonToken.VALUE_STRING && !parser.getText().isBlank() ? parser.getText() : fallback;
                }
                parser.skipChildren();
            }
            return fallback;
        } catch (IOException notJson) {
            return fallback;
        }
    }

    private String uniqueName(String wanted) {
        String name = wanted;
        for (int n = 2; !names.add(name); n++) {
            name = stripExtension(wanted) + "-" + n + extensionOf(wanted);
        }
        return name;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String extensionOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(dot) : "";
    }

    /** Writes rows into numbered part files, starting a new part whenever the next row would not fit. */
    private final class Parts implements AutoCloseable {

        private final String prefix;
        private int partNumber;
        private OutputStream out;
        private Path path;
        private long size;
        private List<String> ids;

        Parts(String prefix) {
            this.prefix = prefix;
        }

        void add(String id, byte[] line) throws IOException {
            add(id, line, 0, line.length);
        }

        void add(String id, byte[] bytes, int offset, int length) throws IOException {
            long rowBytes = length + 1L;
            if (rowBytes > maxFileBytes) {
                tooLarge.add(new DeliveryReport.Rejection(id, "the row takes " + rowBytes + " bytes; batch files "
                        + "hold at most " + maxFileBytes + " bytes (option maxFileBytes)"));
                return;
            }
            if (out != null && size + rowBytes > maxFileBytes) {
                finishPart();
            }
            if (out == null) {
                startPart();
            }
            out.write(bytes, offset, length);
            out.write('\n');
            size += rowBytes;
            ids.add(id);
        }

        private void startPart() throws IOException {
            if (workDir == null) {
                workDir = Files.createTempDirectory("ferry-aep-batch");
            }
            partNumber++;
            String name = uniqueName(prefix + "-" + partNumber + ".json");
            path = workDir.resolve(name);
            out = new BufferedOutputStream(Files.newOutputStream(path), WRITE_BUFFER_BYTES);
            size = 0;
            ids = new ArrayList<>();
            files.add(new AepBatchFile(name, path, ids));
        }

        private void finishPart() throws IOException {
            out.close();
            out = null;
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                finishPart();
            }
        }
    }
}

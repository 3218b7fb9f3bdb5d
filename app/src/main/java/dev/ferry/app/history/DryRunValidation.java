package dev.ferry.app.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.xdm.Xdm;
import dev.ferry.history.export.HistoryJob;
import dev.ferry.sandbox.schema.ValidationResult;
import dev.ferry.sandbox.schema.XdmSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates every record a dry run wrote against a closed XDM schema (the compat schema AEP would enforce), one
 * line at a time so memory stays flat however large the files.
 */
public final class DryRunValidation {

    private static final int EXAMPLES = 3;

    /** How many records were read and which failed (the first few, with their file, line and violations). */
    public record Outcome(long records, long invalid, List<String> examples) {
    }

    private DryRunValidation() {
    }

    public static Outcome validate(Path directory, String filePrefix, Path schemaFile) throws IOException {
        XdmSchema schema = XdmSchema.fromFile(schemaFile);
        long records = 0;
        long invalid = 0;
        List<String> examples = new ArrayList<>();
        List<Path> files;
        // the export's own files only, not whatever else the directory holds
        Pattern ours = HistoryJob.filesOf(filePrefix);
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> ours.matcher(file.getFileName().toString()).matches()).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    records++;
                    JsonNode record = Xdm.JSON.readTree(line);
                    ValidationResult result = schema.validate(record);
                    if (!result.isValid()) {
                        invalid++;
                        if (examples.size() < EXAMPLES) {
                            examples.add(file.getFileName() + " line " + number + ": "
                                    + String.join("; ", result.messages()));
                        }
                    }
                }
            }
        }
        return new Outcome(records, invalid, examples);
    }
}

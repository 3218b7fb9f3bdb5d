package dev.ferry.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.sandbox.intake.EventFacts;
import dev.ferry.sandbox.schema.XdmSchema;
import dev.ferry.sandbox.schema.streaming.StreamingCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long the AEP sandbox takes to judge one batch record, on one thread: the full validator (the record parsed
 * into a tree, validated by networknt, its facts read) against the streaming check (the record's bytes checked in
 * one pass, its facts read from the kept parts), and both against reading the record's tokens alone, without judging
 * anything: the least that any sandbox which looks at every record must spend. Reads the JSON Lines files of a
 * history dry run:
 * {@code java -jar app/target/ferry.jar history --dry-run --out DIR ...}, then
 * {@code java -cp ... dev.ferry.bench.SandboxValidationBenchmark DIR [rounds]}.
 */
public final class SandboxValidationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxValidationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> records = records(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        XdmSchema schema = XdmSchema.builtIn();
        StreamingCheck check = schema.streamingCheck(EventFacts.READ_FROM).orElseThrow();
        long proven = records.stream().filter(r -> check.provenValid(r, 0, r.length) != null).count();
        System.out.printf(Locale.ROOT, "%,d records, %,d proven valid by the streaming check%n", records.size(), proven);

        double[] full = new double[rounds];
        double[] streaming = new double[rounds];
        double[] tokens = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            full[round] = microsPerRecord(records, record -> {
                JsonNode tree = JSON.readTree(record);
                return schema.validate(tree).isValid() && EventFacts.of(tree) != null;
            });
            streaming[round] = microsPerRecord(records, record -> EventFacts.of(check.provenValid(record, 0,
                    record.length)) != null);
            tokens[round] = microsPerRecord(records, SandboxValidationBenchmark::readTokens);
            System.out.printf(Locale.ROOT, "round %d: full validator %.1f µs a record, streaming check %.1f µs, "
                    + "tokens alone %.1f µs%n", round + 1, full[round], streaming[round], tokens[round]);
        }
        System.out.printf(Locale.ROOT, "median: full validator %.1f µs a record, streaming check %.1f µs, "
                + "tokens alone %.1f µs%n", median(full), median(streaming), median(tokens));
    }

    /** Whether a record was judged, and valid. */
    private interface Judge {
        boolean valid(byte[] record) throws IOException;
    }

    /** Every token of the record read, as the streaming check's parser reads them, and nothing judged. */
    private static boolean readTokens(byte[] record) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(record)) {
            int count = 0;
            while (parser.nextToken() != null) {
                count++;
            }
            return count > 0;
        }
    }

    private static double microsPerRecord(List<byte[]> records, Judge judge) throws IOException {
        long started = System.nanoTime();
        int judged = 0;
        for (byte[] record : records) {
            if (judge.valid(record)) {
                judged++;
            }
        }
        if (judged != records.size()) {
            throw new IllegalStateException(records.size() - judged + " records not judged valid");
        }
        return (System.nanoTime() - started) / 1e3 / records.size();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<byte[]> records(Path directory) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        records.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return records;
    }
}

package dev.ferry.app.command;

import dev.ferry.app.ExitCodes;
import dev.ferry.app.history.DryRunValidation;
import dev.ferry.app.history.HistoryProgressBar;
import dev.ferry.app.history.HistorySignals;
import dev.ferry.app.runtime.CamelProperties;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.history.HistoryAlreadyRunning;
import dev.ferry.history.export.HistoryRange;
import dev.ferry.history.export.HistoryStopped;
import dev.ferry.history.export.HistorySummary;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.FailedToCreateProducerException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Export the orders created in a date range (UTC) to AEP batch ingestion as the back-office "
                + "events the order poller sends live, resumable, with progress.",
                "Exit 0 only when every batch reached success in Catalog (a failed batch's replacement included); "
                        + "5 when it stopped early (Ctrl-C, the database gone: rerun with --resume)."})
public final class HistoryCommand implements Callable<Integer> {

    /** Words a shell takes as they are; any other is quoted in the resume command. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    @Mixin
    ConfigOption config;
    @Mixin
    VerboseOption verbose;
    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (2021-01-01) or instant.")
    String from;
    @Option(names = "--to", required = true, paramLabel = "DATE", description = "End of the range, exclusive.")
    String to;
    @Option(names = "--stores", paramLabel = "CODES", description = "Comma-separated store view codes; all when left out.")
    String stores;
    @Option(names = "--dry-run", description = "Write the files only (to --out), send nothing.")
    boolean dryRun;
    @Option(names = "--out", paramLabel = "DIR", description = "Where a dry run writes its files.")
    Path out;
    @Option(names = "--schema", paramLabel = "FILE",
            description = "With --dry-run: validate every record against this closed XDM schema.")
    Path schema;
    @Option(names = "--resume", description = "Go on from where an interrupted export of the same range stopped.")
    boolean resume;
    @Option(names = "--name", defaultValue = "history", paramLabel = "NAME",
            description = "Names the export's checkpoint and files (default: ${DEFAULT-VALUE}).")
    String name;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        FerryConfig settings = config.load();
        String problem = problem(settings);
        if (problem != null) {
            err.println("ferry: " + problem);
            return ExitCodes.USAGE;
        }
        Path workDir = dryRun ? out : Path.of(settings.get(FerrySetting.HISTORY_WORK_DIR));
        Console console = System.console();
        // On a terminal the bar is drawn on the terminal itself, so that stderr sent to a file gets no redrawn bars.
        HistoryProgressBar bar = new HistoryProgressBar(console == null ? err : console.writer(), console != null);
        try (StateDatabase state = StateDatabase.open(settings.get(FerrySetting.STATE_DB_URL),
                settings.get(FerrySetting.STATE_DB_USER), settings.get(FerrySetting.STATE_DB_PASSWORD));
             CamelContext camel = new DefaultCamelContext();
             HistorySignals signals = HistorySignals.install(bar, err)) {
            camel.getRegistry().bind("ferryState", state);
            camel.getRegistry().bind("historyProgress", signals);
            PropertyBindingSupport.build().withReflection(true).bind(camel, camel.getComponent("aep"),
                    CamelProperties.aepOptions(settings));
            camel.start();
            HistorySummary summary = camel.createProducerTemplate().requestBody(uri(settings, workDir), null,
                    HistorySummary.class);
            stdout.println("history '" + name + "': " + summary);
            summary.failures().forEach(failure -> stdout.println("  batch failure: " + failure));
            if (dryRun && schema != null) {
                DryRunValidation.Outcome outcome = DryRunValidation.validate(workDir, name, schema);
                stdout.println("validated " + outcome.records() + " records against " + schema + ": "
                        + outcome.invalid() + " invalid");
                outcome.examples().forEach(example -> stdout.println("  " + example));
                if (outcome.invalid() > 0) {
                    return ExitCodes.FAILED;
                }
            }
            return summary.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HistoryStopped) {
                err.println("ferry: " + cause.getMessage());
                err.println("ferry: to go on: " + resumeCommand());
                return ExitCodes.STOPPED;
            }
            if (cause instanceof IllegalArgumentException) {
                err.println("ferry: " + cause.getMessage());
                return ExitCodes.USAGE;
            }
            if (cause instanceof HistoryAlreadyRunning) {
                err.println("ferry: " + cause.getMessage());
                return ExitCodes.FAILED;
            }
            throw e;
        } catch (FailedToCreateProducerException e) {
            // the endpoint checks its sizes against AEP's guardrails when its producer starts, before any work
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                err.println("ferry: " + invalid.getMessage());
                return ExitCodes.USAGE;
            }
            throw e;
        }
    }

    /** What is wrong with the request before any work, or null. */
    private String problem(FerryConfig settings) {
        try {
            HistoryRange.parse(from, to, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (settings.get(FerrySetting.COMMERCE_DB_URL).isBlank()) {
            return "ferry.commerce.db.url is not set: the history export reads the Commerce database";
        }
        if (dryRun && out == null) {
            return "--dry-run needs --out DIR for the files";
        }
        if (!dryRun && (out != null || schema != null)) {
            return "--out and --schema go with --dry-run";
        }
        if (schema != null && !Files.isRegularFile(schema)) {
            return "--schema " + schema + " is not a file";
        }
        if (!dryRun && settings.get(FerrySetting.AEP_DATASET_ID).isBlank()) {
            return "ferry.aep.dataset-id is not set: batch ingestion needs the dataset that receives the events";
        }
        return null;
    }

    /** This command again with --resume, as a shell takes it. */
    private String resumeCommand() {
        List<String> words = new ArrayList<>(List.of("java", "-jar", jarPath(), "history"));
        if (config.file != null) {
            words.addAll(List.of("--config", config.file.toString()));
        }
        words.addAll(List.of("--from", from, "--to", to, "--name", name));
        if (stores != null && !stores.isBlank()) {
            words.addAll(List.of("--stores", stores));
        }
        if (dryRun) {
            words.addAll(List.of("--dry-run", "--out", out.toString()));
            if (schema != null) {
                words.addAll(List.of("--schema", schema.toString()));
            }
        }
        words.add("--resume");
        return words.stream().map(HistoryCommand::shellWord).collect(Collectors.joining(" "));
    }

    /** The jar this runs from; ferry.jar when it runs from classes (an IDE, a test). */
    private static String jarPath() {
        try {
            Path location = Path.of(HistoryCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toString() : "ferry.jar";
        } catch (URISyntaxException | RuntimeException e) {
            return "ferry.jar";
        }
    }

    private static String shellWord(String word) {
        return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private String uri(FerryConfig settings, Path workDir) {
        StringBuilder uri = new StringBuilder("commerce-history:").append(name)
                .append("?url=RAW(").append(settings.get(FerrySetting.COMMERCE_DB_URL)).append(')')
                .append("&user=RAW(").append(settings.get(FerrySetting.COMMERCE_DB_USER)).append(')')
                .append("&password=RAW(").append(settings.get(FerrySetting.COMMERCE_DB_PASSWORD)).append(')')
                .append("&from=").append(from.trim()).append("&to=").append(to.trim())
                .append("&resume=").append(resume)
                .append("&outDir=RAW(").append(workDir.toAbsolutePath()).append(')')
                .append("&pageSize=").append(settings.get(FerrySetting.HISTORY_PAGE_SIZE))
                .append("&fileSize=").append(settings.get(FerrySetting.HISTORY_FILE_SIZE))
                .append("&filesPerBatch=").append(settings.get(FerrySetting.HISTORY_FILES_PER_BATCH))
                .append("&batchesInFlight=").append(settings.get(FerrySetting.HISTORY_BATCHES_IN_FLIGHT))
                .append("&batchesPerDay=").append(settings.get(FerrySetting.HISTORY_BATCHES_PER_DAY))
                .append("&progress=#historyProgress");
        if (stores != null && !stores.isBlank()) {
            uri.append("&stores=RAW(").append(stores).append(')');
        }
        if (!dryRun) {
            uri.append("&sinkUri=aep:batch");
        }
        return uri.toString();
    }
}

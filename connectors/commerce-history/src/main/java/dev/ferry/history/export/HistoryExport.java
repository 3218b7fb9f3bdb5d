package dev.ferry.history.export;

import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.sales.SalesOrderReader;
import dev.ferry.core.sales.SalesRows;
import dev.ferry.core.sales.UnmappableOrders;
import dev.ferry.core.state.DeadLetters;
import dev.ferry.core.state.StateDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the orders of a range as the events the order poller would have sent for them. Orders are read in pages
 * by keyset on entity_id (never OFFSET, so each page costs the same however deep the export is), whole pages of
 * child rows at once, and streamed into JSON Lines files; memory holds one page, whatever the range. Files go to
 * the sink a batch at a time, while the next files are written; the checkpoint moves only past files whose batch
 * reached its final status (written files, in a dry run), so a run stopped
 * anywhere (Ctrl-C, kill -9, a lost database) resumes without sending an order twice or skipping one.
 */
public final class HistoryExport {

    private static final String SOURCE = "commerce-history";
    /** Where unmappable orders go in the dead letters, with their ids and the reason. */
    public static final String DEAD_LETTER_CHANNEL = SOURCE + DeadLetters.UNMAPPABLE_SUFFIX;

    private static final Logger LOG = LoggerFactory.getLogger(HistoryExport.class);
    private static final Duration DAY = Duration.ofDays(1);
    /** Pages are mapped on every core; the page reader and MariaDB fill the gaps. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final HistoryJob job;
    private final CommerceConnections database;
    private final OrderEventMapper mapper;
    private final StateDatabase state;
    private final HistorySink sink;
    private final HistoryProgress progress;
    private final Clock clock;
    private final SalesOrderReader reader = new SalesOrderReader();
    private final List<HistoryFile> pending = new ArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "history-batch-sender");
        thread.setDaemon(true);
        return thread;
    });
    private Future<BatchOutcome> inFlight;
    private List<HistoryFile> inFlightFiles = List.of();
    private HistoryCheckpoint checkpoint;
    private HistoryFile current;
    /** Files are numbered in the order they are written; the checkpoint's nextFile catches up as they settle. */
    private long nextFileNumber;
    private long runStarted;

    /** @param sink where batches go; null for a dry run, which keeps the files in the job's directory */
    public HistoryExport(HistoryJob job, CommerceConnections database, OrderEventMapper mapper, StateDatabase state,
                         HistorySink sink, HistoryProgress progress, Clock clock) {
        this.job = job;
        this.database = database;
        this.mapper = mapper;
        this.state = state;
        this.sink = sink;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @param resume go on from the checkpoint of an earlier run of the same name, range and stores
     * @throws IllegalArgumentException when there is nothing to resume, or the checkpoint is for another range
     * @throws HistoryStopped           when the export stopped before the end with its checkpoint saved
     */
    public HistorySummary run(boolean resume) throws IOException {
        runStarted = clock.millis();
        checkpoint = startingPoint(resume);
        nextFileNumber = checkpoint.nextFile();
        Files.createDirectories(job.outDir());
        deleteUnfinishedFiles(resume ? checkpoint.nextFile() : 1);
        state.checkpoints().put(job.checkpointKey(), checkpoint.toJson());
        try (Connection connection = database.open()) {
            long total = count(connection);
            progress.update(checkpoint.orders(), total, checkpoint.events());
            try (PageReader pages = new PageReader(connection, this::page, reader, checkpoint.afterOrderId());
                 ParallelMapping mapping = new ParallelMapping(new OrderLines(job, mapper), CORES)) {
                PageReader.Page page;
                while ((page = pages.next()) != null) {
                    for (MappedOrder order : mapping.map(page.orders())) {
                        write(order);
                    }
                    progress.update(checkpoint.orders() + unsentOrders(), total,
                            checkpoint.events() + unsentEvents());
                }
            }
            closeCurrent();
            sendPending();
            settleInFlight();
            progress.update(checkpoint.orders(), total, checkpoint.events());
        } catch (SQLException e) {
            throw stopped("the Commerce database failed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped("interrupted", e);
        } finally {
            settleAfterFailure();
            sender.shutdownNow();
            closeQuietly();
        }
        return new HistorySummary(checkpoint.orders(), checkpoint.events(), checkpoint.files(), checkpoint.batches(),
                checkpoint.failedBatches(), checkpoint.deadLettered(), Duration.ofMillis(checkpoint.elapsedMillis()),
                checkpoint.failures());
    }

    private HistoryCheckpoint startingPoint(boolean resume) {
        if (!resume) {
            return HistoryCheckpoint.start(job.scope());
        }
        HistoryCheckpoint saved = state.checkpoints().get(job.checkpointKey()).map(HistoryCheckpoint::fromJson)
                .orElseThrow(() -> new IllegalArgumentException("there is no interrupted export named '" + job.name()
                        + "' to resume; run it without --resume"));
        if (!saved.scope().equals(job.scope())) {
            throw new IllegalArgumentException("the interrupted export '" + job.name() + "' covers " + saved.scope()
                    + "; resume it with the same --from, --to and --stores");
        }
        return saved;
    }

    private void write(MappedOrder order) throws IOException {
        if (order.failure() != null) {
            deadLetter(order.order(), order.failure());
            current().skipped(order.order().id());
            return;
        }
        byte[] lines = order.lines();
        if (!current().fits(lines.length)) {
            closeCurrent();
            if (pending.size() >= job.filesPerBatch() || sink == null) {
                sendPending();
            }
        }
        current().write(lines, order.events(), order.order().id());
    }

    private HistoryFile current() throws IOException {
        if (current == null) {
            current = new HistoryFile(fileName(nextFileNumber++), job.fileSize());
        }
        return current;
    }

    private void closeCurrent() throws IOException {
        if (current == null) {
            return;
        }
        current.close();
        if (current.isEmpty()) {
            Files.deleteIfExists(current.path());
        } else {
            pending.add(current);
        }
        current = null;
    }

    /**
     * Hands the finished files over. In a dry run they are done at once. Otherwise they go as one batch on the
     * sender thread while the export writes the next files (AEP processes a batch for a while after it is
     * completed); the checkpoint moves past a batch's files only once that batch reached its final status, which is
     * settled here before the next batch goes.
     */
    private void sendPending() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<HistoryFile> files = List.copyOf(pending);
        pending.clear();
        if (sink == null) {
            advancePast(files);
            return;
        }
        settleInFlight();
        List<Path> paths = files.stream().filter(file -> file.orders() > 0).map(HistoryFile::path).toList();
        if (paths.isEmpty()) {
            advancePast(files);
            return;
        }
        checkDailyCap();
        inFlightFiles = files;
        inFlight = sender.submit(() -> ingest(paths));
    }

    /** One batch, and once more as a replacement batch if it failed. */
    private BatchOutcome ingest(List<Path> paths) {
        long sentAt = clock.millis();
        String failure = sink.ingest(paths);
        if (failure == null) {
            return new BatchOutcome(sentAt, null, null);
        }
        LOG.warn("history batch of {} failed: {}; sending it again as a replacement batch", names(paths), failure);
        return new BatchOutcome(sentAt, failure, sink.ingest(paths));
    }

    /** Opens a read-only connection to the Commerce database. */
    @FunctionalInterface
    public interface CommerceConnections {
        Connection open() throws SQLException;
    }

    /** What became of a batch: its first failure (null if none) and the replacement's (null if it succeeded). */
    private record BatchOutcome(long sentAt, String firstFailure, String replacementFailure) {
    }

    /** Waits for the batch in flight, if any, and moves the checkpoint past its files. */
    private void settleInFlight() throws IOException {
        if (inFlight == null) {
            return;
        }
        BatchOutcome outcome;
        try {
            outcome = inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped("interrupted while AEP processed a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            inFlight = null;
        }
        List<HistoryFile> files = inFlightFiles;
        inFlightFiles = List.of();
        if (outcome.firstFailure() != null) {
            checkpoint = checkpoint.batchSent(outcome.sentAt(), outcome.firstFailure(), false, dayAgo());
        }
        String failure = outcome.firstFailure() == null ? null : outcome.replacementFailure();
        checkpoint = checkpoint.batchSent(clock.millis(), failure, failure != null, dayAgo());
        if (failure != null) {
            keepFailed(files.stream().filter(file -> file.orders() > 0).map(HistoryFile::path).toList(), failure);
        }
        advancePast(files);
    }

    /**
     * When the export fails (the database went away, a file could not be written), a batch already sent still
     * reaches its final status and the checkpoint covers it, so a resume does not send it again.
     */
    private void settleAfterFailure() {
        if (inFlight == null) {
            return;
        }
        try {
            settleInFlight();
        } catch (IOException | RuntimeException e) {
            LOG.warn("the batch in flight when the export stopped did not settle: {}", e.toString());
        }
    }

    private void advancePast(List<HistoryFile> files) throws IOException {
        for (HistoryFile file : files) {
            long elapsed = clock.millis() - runStarted;
            runStarted += elapsed;
            checkpoint = checkpoint.advance(file.lastOrderId(), file.orders(), file.events(), file.deadLettered(),
                    elapsed);
            if (sink != null || file.orders() == 0) {
                Files.deleteIfExists(file.path());
            }
        }
        state.checkpoints().put(job.checkpointKey(), checkpoint.toJson());
    }

    private void checkDailyCap() {
        if (job.batchesPerDay() <= 0) {
            return;
        }
        long dayAgo = dayAgo();
        List<Long> lastDay = checkpoint.batchTimes().stream().filter(time -> time > dayAgo).sorted().toList();
        if (lastDay.size() >= job.batchesPerDay()) {
            throw stopped("the cap of " + job.batchesPerDay() + " batches a day (batches-per-day) is reached until "
                    + java.time.Instant.ofEpochMilli(lastDay.get(0)).plus(DAY), null);
        }
    }

    private long dayAgo() {
        return clock.millis() - DAY.toMillis();
    }

    private void keepFailed(List<Path> paths, String failure) throws IOException {
        Path failed = Files.createDirectories(job.outDir().resolve("failed"));
        for (Path path : paths) {
            Files.move(path, failed.resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.error("history batch of {} failed again: {}; its files are kept in {}", names(paths), failure, failed);
    }

    private void deadLetter(SalesOrder order, String reason) {
        String why = UnmappableOrders.record(state, SOURCE, order.id(), order.order().get("increment_id"), "export",
                reason);
        LOG.warn("{}; written to dead letters and skipped", why);
    }

    private long count(Connection connection) throws SQLException {
        List<Map<String, Object>> rows = SalesRows.select(connection, "SELECT COUNT(*) AS orders FROM sales_order"
                + " WHERE created_at >= ? AND created_at < ?" + storeFilter(), job.range().from(), job.range().to());
        return ((Number) rows.get(0).get("orders")).longValue();
    }

    private List<Long> page(Connection connection, long after) throws SQLException {
        List<Long> ids = new ArrayList<>(job.pageSize());
        for (Map<String, Object> row : SalesRows.select(connection, "SELECT entity_id FROM sales_order"
                        + " WHERE created_at >= ? AND created_at < ? AND entity_id > ?" + storeFilter()
                        + " ORDER BY entity_id LIMIT " + job.pageSize(),
                job.range().from(), job.range().to(), after)) {
            ids.add(((Number) row.get("entity_id")).longValue());
        }
        return ids;
    }

    private String storeFilter() {
        if (job.storeIds() == null) {
            return "";
        }
        if (job.storeIds().isEmpty()) {
            return " AND 1 = 0";
        }
        return " AND store_id IN (" + job.storeIds().stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")";
    }

    private long unsentOrders() {
        return Stream.concat(pending.stream(), inFlightFiles.stream()).mapToLong(HistoryFile::orders).sum()
                + (current == null ? 0 : current.orders());
    }

    private long unsentEvents() {
        return Stream.concat(pending.stream(), inFlightFiles.stream()).mapToLong(HistoryFile::events).sum()
                + (current == null ? 0 : current.events());
    }

    private Path fileName(long number) {
        return job.outDir().resolve(String.format("%s-%06d.json", job.name(), number));
    }

    /** Files numbered from {@code first} on were never handed over (a run stopped while writing them). */
    private void deleteUnfinishedFiles(long first) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote(job.name()) + "-(\\d{6,})\\.json");
        try (Stream<Path> files = Files.list(job.outDir())) {
            for (Path file : files.toList()) {
                Matcher matcher = ours.matcher(file.getFileName().toString());
                if (matcher.matches() && Long.parseLong(matcher.group(1)) >= first) {
                    Files.delete(file);
                }
            }
        }
    }

    private HistoryStopped stopped(String why, Throwable cause) {
        return new HistoryStopped("history export '" + job.name() + "' stopped: " + why + "; everything up to order "
                + checkpoint.afterOrderId() + " (" + checkpoint.orders() + " orders) is done and checkpointed:"
                + " run it again with --resume to go on", cause);
    }

    private void closeQuietly() {
        try {
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(path -> path.getFileName().toString()).collect(Collectors.joining(", "));
    }
}

package dev.ferry.history.export;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.sales.OrderEventMapper;
import dev.ferry.core.sales.SalesOrder;
import dev.ferry.core.sales.SalesRows;
import dev.ferry.core.sales.UnmappableOrders;
import dev.ferry.core.state.DeadLetters;
import dev.ferry.core.state.StateDatabase;
import dev.ferry.history.export.HistoryCheckpoint.OpenBatch;
import dev.ferry.history.export.HistoryCheckpoint.UploadedFile;
import dev.ferry.history.export.HistorySink.BatchEnd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the orders of a range as the events the order poller would have sent for them. Orders are read in pages
 * by keyset on entity_id (never OFFSET, so each page costs the same however deep the export is), whole pages of
 * child rows at once, and streamed into JSON Lines files; memory holds one page, whatever the range. Each finished
 * file is uploaded into the open batch on the sender thread while the next files are written, and the checkpoint
 * records it. A full batch is marked completing and handed to a settler thread, which completes it and waits for its
 * final status while the next batches load: AEP takes minutes over a batch and processes several at once, so up to
 * {@code batchesInFlight} wait for it side by side rather than Ferry standing still. The checkpoint moves past a
 * batch's files once it and every batch before it reached a final status, batches in order. A run stopped
 * anywhere (Ctrl-C, kill -9, a lost database) resumes from there: into the same batch while AEP still has it open,
 * and never sending a batch AEP already has.
 */
public final class HistoryExport {

    private static final String SOURCE = "commerce-history";
    /** Where unmappable orders go in the dead letters, with their ids and the reason. */
    public static final String DEAD_LETTER_CHANNEL = SOURCE + DeadLetters.UNMAPPABLE_SUFFIX;

    private static final Logger LOG = LoggerFactory.getLogger(HistoryExport.class);
    private static final Duration DAY = Duration.ofDays(1);
    /** Catalog's words for a batch that will never be ingested through no fault of its rows, or that it lost. */
    private static final Set<String> DROPPED = Set.of("aborted", "abandoned", "gone");
    /** Pages are mapped on every core; the page readers and MariaDB fill the gaps. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Connections reading pages at once: two keep MariaDB busy while each waits for the other's query. */
    private static final int READERS = 2;
    /** How often this thread, waiting for the sender or for AEP, asks whether it is to stop. */
    private static final long STOP_CHECK_MS = 200;

    private final HistoryJob job;
    private final CommerceConnections database;
    private final OrderEventMapper mapper;
    private final StateDatabase state;
    private final HistorySink sink;
    private final String checkpointKey;
    private final HistoryProgress progress;
    private final Clock clock;
    private final Ownership ownership;
    private final ExecutorService sender =
            Executors.newSingleThreadExecutor(DaemonThreads.named("history-batch-sender"));
    /** Completes batches and waits for their final status, one thread per batch in flight. */
    private final ExecutorService settlers;
    /**
     * Files written but not uploaded yet: at most a batch of them, so the disk holds at most the batches in flight,
     * the loading one and one more.
     */
    private final Semaphore unsent;
    /** The settlers' work on the batches handed to them, oldest first; only the sender touches it. */
    private final Deque<Future<?>> settlements = new ArrayDeque<>();
    /** How batches that reached their final status ahead of a batch before them ended, by id, until it settles. */
    private final Map<String, BatchEnd> endedEarly = new HashMap<>();
    /** Why the sender or a settler stopped (the first failure); the export thread rethrows it. */
    private final AtomicReference<Throwable> backgroundFailure = new AtomicReference<>();
    private volatile boolean stopping;
    /**
     * Changed under this object's lock (by {@link #update} or in a synchronized block) and saved with each change.
     * The sender alone changes the open batch, so it reads it without the lock; each settler is handed its batch.
     */
    private volatile HistoryCheckpoint checkpoint;
    private HistoryFile current;
    private long currentNumber;
    private long nextFileNumber;
    private long ordersHandedOver;
    private long eventsHandedOver;
    private volatile long runStarted;

    /**
     * @param sink      where batches go; null for a dry run, which keeps the files in the job's directory
     * @param ownership asked before each checkpoint whether this run still owns the export's name
     */
    public HistoryExport(HistoryJob job, CommerceConnections database, OrderEventMapper mapper, StateDatabase state,
                         HistorySink sink, HistoryProgress progress, Clock clock, Ownership ownership) {
        this.job = job;
        this.database = database;
        this.mapper = mapper;
        this.state = state;
        this.sink = sink;
        this.checkpointKey = job.checkpointKey(sink == null);
        this.progress = progress;
        this.clock = clock;
        this.ownership = ownership;
        this.unsent = new Semaphore(job.filesPerBatch());
        this.settlers = Executors.newFixedThreadPool(job.batchesInFlight(),
                DaemonThreads.named("history-batch-settler"));
    }

    /**
     * @param resume go on from the checkpoint of an earlier run of the same name, range and stores
     * @throws IllegalArgumentException when there is nothing to resume, or the checkpoint is for another range
     * @throws HistoryStopped           when the export stopped before the end with its checkpoint saved
     */
    public HistorySummary run(boolean resume) throws IOException {
        runStarted = clock.millis();
        checkpoint = startingPoint(resume);
        Files.createDirectories(job.outDir());
        try {
            resolveUnsettledBatches();
            nextFileNumber = checkpoint.nextFileToWrite();
            deleteUnfinishedFiles(resume ? nextFileNumber : 1);
            save();
            try (Connection connection = database.open()) {
                exportAll(connection);
            } catch (SQLException e) {
                throw stopped("the Commerce database failed (" + e.getMessage() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped("interrupted", e);
            }
        } catch (HistorySink.Unsettled e) {
            throw stopped(e.getMessage(), e);
        } finally {
            stopSender();
            closeQuietly();
        }
        return new HistorySummary(checkpoint.orders(), checkpoint.events(), checkpoint.files(), checkpoint.batches(),
                checkpoint.failedBatches(), checkpoint.deadLettered(), Duration.ofMillis(checkpoint.elapsedMillis()),
                checkpoint.failures());
    }

    private void exportAll(Connection connection) throws SQLException, IOException, InterruptedException {
        long total = count(connection);
        List<UploadedFile> unsettled = Stream.concat(checkpoint.settling().stream(),
                        Stream.ofNullable(checkpoint.batch())).flatMap(batch -> batch.files().stream()).toList();
        ordersHandedOver = checkpoint.orders() + unsettled.stream().mapToLong(UploadedFile::orders).sum();
        eventsHandedOver = checkpoint.events() + unsettled.stream().mapToLong(UploadedFile::events).sum();
        progress.update(ordersHandedOver, total, eventsHandedOver);
        try (PageReader pages = new PageReader(connection, database, READERS, this::page,
                checkpoint.lastOrderHandedOver());
             ParallelMapping mapping = new ParallelMapping(new OrderLines(job, mapper), CORES)) {
            PageReader.Page page;
            while ((page = pages.next()) != null) {
                for (MappedOrder order : mapping.map(page.orders())) {
                    write(order);
                }
                progress.update(ordersHandedOver + (current == null ? 0 : current.orders()), total,
                        eventsHandedOver + (current == null ? 0 : current.events()));
                stopIfRequested();
            }
        }
        closeCurrent();
        finish();
        progress.update(checkpoint.orders(), total, checkpoint.events());
    }

    private HistoryCheckpoint startingPoint(boolean resume) {
        if (!resume) {
            return HistoryCheckpoint.start(job.scope(), batchTimesOfTheLastRun());
        }
        HistoryCheckpoint saved = state.checkpoints().get(checkpointKey).map(HistoryCheckpoint::fromJson)
                .orElseThrow(() -> new IllegalArgumentException("there is no interrupted export named '" + job.name()
                        + "' to resume; run it without --resume"));
        if (!saved.scope().equals(job.scope())) {
            // the checkpoint outlives a finished export too, so it is not called interrupted here
            throw new IllegalArgumentException("the last export named '" + job.name() + "' covers " + saved.scope()
                    + "; resume it with the same --from, --to and --stores, or run a new one without --resume");
        }
        return saved;
    }

    /**
     * A resume finds batches that were not settled: AEP says what became of them, batch by batch in order (an open
     * batch marked completing, as earlier versions left it, counts as the last settling one). Completed, or maybe
     * completed: the export waits for its final status and never sends it again unless it failed, as its replacement.
     * Aborted, abandoned, unknown, or a replacement interrupted while its files went up: nothing of it is ingested,
     * so its files go again in a new batch. An open batch still loading: the export goes on uploading into it.
     */
    private void resolveUnsettledBatches() throws IOException {
        OpenBatch open = checkpoint.batch();
        if (open != null && open.completing()) {
            update(c -> c.withSettlingAlso(open).withBatch(null));
        }
        for (OpenBatch batch : checkpoint.settling()) {
            resolveSettling(batch);
        }
        if (checkpoint.batch() != null) {
            resolveOpen();
        }
    }

    private void resolveSettling(OpenBatch batch) throws IOException {
        String status = sink.status(batch.id());
        String lost = HistorySink.LOADING.equals(status) && !batch.completing() ? "was still being loaded"
                : DROPPED.contains(status) ? "is " + status + " in AEP" : null;
        if (lost == null) {
            BatchEnd end = sink.complete(batch.id(), paths(batch));
            if (end.succeeded() || batch.replacement() || filesKept(batch)) {
                settle(batch, end);
            } else {
                lostWithItsFiles(batch, end.reason());
            }
        } else if (filesKept(batch)) {
            LOG.warn("history export '{}': batch {} {}, so nothing of it is ingested; its {} files go again in a new"
                    + " batch", job.name(), batch.id(), lost, batch.files().size());
            completeAndSettle(sendAgain(batch, null, batch.replacement()));
        } else {
            lostWithItsFiles(batch, "batch " + batch.id() + " " + lost);
        }
    }

    /**
     * A batch AEP did not ingest whose files are gone from the export's directory. When no batch after it was
     * completed, its orders are exported again; otherwise they are given up, with the reason in the summary, since
     * exporting them again would send the later batches' orders twice.
     */
    private void lostWithItsFiles(OpenBatch batch, String reason) throws IOException {
        String why = reason + " and its files are gone from " + job.outDir();
        if (checkpoint.settling().get(checkpoint.settling().size() - 1).equals(batch)) {
            drop(batch, why);
        } else {
            LOG.error("history export '{}': {}; later batches were completed, so its orders up to {} are not exported",
                    job.name(), why, batch.last().lastOrderId());
            settled(batch, BatchEnd.notIngested(why + ": its orders up to " + batch.last().lastOrderId()
                    + " are not exported"));
        }
    }

    private void resolveOpen() {
        OpenBatch batch = checkpoint.batch();
        String status = sink.status(batch.id());
        if (HistorySink.LOADING.equals(status) && filesKept(batch)) {
            LOG.info("history export '{}' goes on uploading into batch {}, still open in AEP with {} files",
                    job.name(), batch.id(), batch.files().size());
        } else {
            drop(null, HistorySink.LOADING.equals(status) ? "the files of batch " + batch.id() + " are gone from "
                    + job.outDir() + " and it was never completed, so AEP ingests none of it"
                    : "batch " + batch.id() + " is " + status + " in AEP");
        }
    }

    private boolean filesKept(OpenBatch batch) {
        return batch.files().stream().filter(file -> file.orders() > 0)
                .allMatch(file -> Files.isRegularFile(path(file.number())));
    }

    /**
     * Forgets the last settling batch (when not null) and the open one, never to be completed: their orders are
     * exported again.
     */
    private void drop(OpenBatch settling, String why) {
        update(c -> (settling == null ? c : c.withSettlingReplaced(settling, null)).withBatch(null));
        LOG.warn("history export '{}': {}; its orders after {} are exported again", job.name(), why,
                checkpoint.lastOrderHandedOver());
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
        }
        current().write(lines, order.events(), order.order().id());
    }

    private HistoryFile current() throws IOException {
        if (current == null) {
            currentNumber = nextFileNumber++;
            current = new HistoryFile(path(currentNumber), job.fileSize());
        }
        return current;
    }

    private void closeCurrent() throws IOException {
        if (current == null) {
            return;
        }
        HistoryFile file = current;
        current = null;
        file.close();
        if (file.isEmpty()) {
            Files.deleteIfExists(file.path());
            return;
        }
        ordersHandedOver += file.orders();
        eventsHandedOver += file.events();
        handOver(new UploadedFile(currentNumber, file.lastOrderId(), file.orders(), file.events(),
                file.deadLettered()));
    }

    /**
     * A finished file goes to the sender, which uploads it into the open batch and records it; a dry run is done
     * with it at once. This thread waits when a whole batch of files is already waiting for the sender.
     */
    private void handOver(UploadedFile file) throws IOException {
        if (sink == null) {
            advancePast(List.of(file), false);
            save();
            return;
        }
        rethrowBackgroundFailure();
        try {
            while (!unsent.tryAcquire(STOP_CHECK_MS, TimeUnit.MILLISECONDS)) {
                stopIfRequested();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped("interrupted", e);
        }
        sender.execute(() -> {
            try {
                inBackground(() -> upload(file));
            } finally {
                unsent.release();
            }
        });
    }

    /** Uploads a file into the open batch (a new one when none is open) and hands the batch on once it is full. */
    private void upload(UploadedFile file) throws IOException {
        if (file.orders() == 0) {
            deadLettersOnly(file);
            return;
        }
        OpenBatch batch = checkpoint.batch();
        if (batch == null) {
            checkDailyCap();
        }
        String id = sink.upload(batch == null ? null : batch.id(), path(file.number()));
        update(c -> c.withBatch(batch == null ? new OpenBatch(id, List.of(file), false, false, clock.millis())
                : batch.with(file)));
        if (checkpoint.batch().files().size() >= job.filesPerBatch()) {
            handOnOpenBatch();
        }
    }

    /**
     * A file of dead letters only: nothing to upload, but the checkpoint must still move past its orders, after the
     * files before it: it joins the open batch, or waits for the settling ones.
     */
    private void deadLettersOnly(UploadedFile file) throws IOException {
        Files.deleteIfExists(path(file.number()));
        if (checkpoint.batch() == null && !awaitSettlements(0)) {
            return;
        }
        synchronized (this) {
            if (checkpoint.batch() == null) {
                advancePast(List.of(file), true);
            } else {
                checkpoint = checkpoint.withBatch(checkpoint.batch().with(file));
            }
            save();
        }
    }

    /**
     * Marks the open batch completing and hands it to a settler, once fewer than {@code batchesInFlight} batches wait
     * for AEP.
     */
    private void handOnOpenBatch() {
        if (!awaitSettlements(job.batchesInFlight() - 1)) {
            return;
        }
        OpenBatch completing = checkpoint.batch().markedCompleting();
        update(c -> c.withSettlingAlso(completing).withBatch(null));
        settlements.addLast(settlers.submit(() -> inBackground(() -> completeAndSettle(completing))));
    }

    /**
     * Waits until at most {@code inFlight} of the batches handed to the settlers wait for AEP, oldest first; false
     * when a settler or the sender failed, so no more work is done.
     */
    private boolean awaitSettlements(int inFlight) {
        settlements.removeIf(Future::isDone);
        while (settlements.size() > inFlight) {
            try {
                settlements.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return backgroundFailure.get() == null && !stopping;
    }

    /** Completes a batch, waits for its final status and settles what became of it. */
    private void completeAndSettle(OpenBatch batch) throws IOException {
        settle(batch, sink.complete(batch.id(), paths(batch)));
    }

    /**
     * A batch reached its final status. One that did not succeed goes once more as a replacement batch: a plain new
     * batch of the same files, since AEP's batch replay is for replacing data already ingested and a batch that failed
     * or was aborted stored nothing. If the replacement fails too, its files are kept under failed/ and the export
     * goes on.
     */
    private void settle(OpenBatch batch, BatchEnd end) throws IOException {
        if (!end.succeeded() && !batch.replacement()) {
            LOG.warn("history {}; sending its {} files again as a replacement batch", end.reason(),
                    batch.files().size());
            completeAndSettle(sendAgain(batch, end.reason(), true));
            return;
        }
        settled(batch, end);
    }

    /**
     * Moves the checkpoint past the batches that reached their final status, in order: past this one once every batch
     * before it did, and past those after it that ended early.
     */
    private synchronized void settled(OpenBatch batch, BatchEnd end) throws IOException {
        endedEarly.put(batch.id(), end);
        while (!checkpoint.settling().isEmpty() && endedEarly.containsKey(checkpoint.settling().get(0).id())) {
            OpenBatch first = checkpoint.settling().get(0);
            BatchEnd ended = endedEarly.remove(first.id());
            checkpoint = checkpoint.batchSent(first.createdAt(), ended.reason(), !ended.succeeded(), dayAgo())
                    .withSettlingReplaced(first, null);
            if (!ended.succeeded()) {
                keepFailed(paths(first), ended.reason());
            }
            advancePast(first.files(), true);
        }
        save();
    }

    /**
     * Uploads a batch's files into a new batch, which takes its place among the settling batches with its first file,
     * and returns it marked completing.
     *
     * @param failure     why the batch failed, which counts it as sent, or null when AEP never ingested it
     * @param replacement whether a failure of the new batch gives its files up
     */
    private OpenBatch sendAgain(OpenBatch earlier, String failure, boolean replacement) throws IOException {
        checkDailyCap();
        OpenBatch again = null;
        for (UploadedFile file : earlier.files()) {
            OpenBatch before = again == null ? earlier : again;
            if (file.orders() > 0) {
                String id = sink.upload(again == null ? null : again.id(), path(file.number()));
                again = again == null ? new OpenBatch(id, List.of(file), false, replacement, clock.millis())
                        : again.with(file);
            } else {
                // a file of dead letters only, which is never uploaded; files with orders come before it
                again = again.with(file);
            }
            OpenBatch after = again;
            update(c -> (before == earlier && failure != null
                    ? c.batchSent(earlier.createdAt(), failure, false, dayAgo()) : c)
                    .withSettlingReplaced(before, after));
        }
        OpenBatch completing = again.markedCompleting();
        OpenBatch uploaded = again;
        update(c -> c.withSettlingReplaced(uploaded, completing));
        return completing;
    }

    /** Waits for the sender's uploads, then hands the last batch on and waits for its final status. */
    private void finish() {
        rethrowBackgroundFailure();
        Future<?> done = sender.submit(() -> inBackground(() -> {
            if (checkpoint.batch() != null) {
                handOnOpenBatch();
            }
            awaitSettlements(0);
        }));
        while (true) {
            try {
                done.get(STOP_CHECK_MS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                stopIfRequested();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw stopped("interrupted while AEP processed a batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        rethrowBackgroundFailure();
    }

    /**
     * Stops the export where it is when asked to (the CLI's Ctrl-C): after a page, or while it waits for the sender
     * or for AEP. The step the sender and the settlers are doing still ends, as {@link #stopSender} says.
     */
    private void stopIfRequested() {
        if (progress.stopRequested()) {
            throw stopped("asked to stop", null);
        }
    }

    /** Opens a read-only connection to the Commerce database. */
    @FunctionalInterface
    public interface CommerceConnections {
        Connection open() throws SQLException;
    }

    /**
     * Whether this run still owns the export's name among the processes sharing the state database. A run that
     * stalled long enough for another process to take its name over must stop before it overwrites that run's
     * checkpoint or sends its orders a second time.
     */
    @FunctionalInterface
    public interface Ownership {

        /** @throws HistoryStopped when another process took the name over */
        void confirm();
    }

    @FunctionalInterface
    private interface BackgroundWork {
        void run() throws IOException;
    }

    /**
     * Runs work on the sender or a settler unless the export is stopping or one of them already failed, keeping
     * the first failure.
     */
    private void inBackground(BackgroundWork work) {
        if (stopping || backgroundFailure.get() != null) {
            return;
        }
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            backgroundFailure.compareAndSet(null, e);
        }
    }

    private void rethrowBackgroundFailure() {
        Throwable failure = backgroundFailure.get();
        if (failure == null) {
            return;
        }
        if (failure instanceof HistoryStopped stopped) {
            throw stopped;
        }
        if (failure instanceof HistorySink.Unsettled unsettled) {
            throw stopped(unsettled.getMessage(), unsettled);
        }
        if (failure instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        throw (RuntimeException) failure;
    }

    /**
     * Stops the sender and the settlers: the step each is doing ends (a file being uploaded is recorded, a batch being
     * completed reaches its final status), what is waiting is left to a resume.
     */
    private void stopSender() {
        stopping = true;
        for (ExecutorService background : List.of(sender, settlers)) {
            background.shutdown();
            try {
                while (!background.awaitTermination(1, TimeUnit.MINUTES)) {
                    LOG.info("history export '{}' waits for AEP to finish the step in progress", job.name());
                }
            } catch (InterruptedException e) {
                background.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void update(UnaryOperator<HistoryCheckpoint> change) {
        checkpoint = change.apply(checkpoint);
        save();
    }

    private void advancePast(List<UploadedFile> files, boolean deleteFiles) throws IOException {
        for (UploadedFile file : files) {
            long elapsed = clock.millis() - runStarted;
            runStarted += elapsed;
            checkpoint = checkpoint.advance(file, elapsed);
            if (deleteFiles || file.orders() == 0) {
                Files.deleteIfExists(path(file.number()));
            }
        }
    }

    private void save() {
        ownership.confirm();
        state.checkpoints().put(checkpointKey, checkpoint.toJson());
    }

    /**
     * The batches the name's last export opened in the past day, which a new export of the name still counts against
     * the daily cap: starting over must not open another day's worth.
     */
    private List<Long> batchTimesOfTheLastRun() {
        return state.checkpoints().get(checkpointKey)
                .map(json -> batchTimesIn(checkpointKey, json, dayAgo())).orElse(List.of());
    }

    /**
     * When the batches of the checkpoint {@code json} were opened, after {@code dayAgo}; none when the checkpoint
     * cannot be read, so that starting over stays the way out of a broken one.
     */
    private List<Long> batchTimesIn(String key, String json, long dayAgo) {
        try {
            return HistoryCheckpoint.fromJson(json).batchTimesSince(dayAgo);
        } catch (IllegalStateException unreadable) {
            LOG.warn("history export '{}': the checkpoint {} is not counted against the daily cap: {}", job.name(), key,
                    unreadable.getMessage());
            return List.of();
        }
    }

    private void checkDailyCap() {
        if (job.batchesPerDay() <= 0) {
            return;
        }
        List<Long> lastDay = batchTimesOfEveryExportSince(dayAgo());
        if (lastDay.size() >= job.batchesPerDay()) {
            throw stopped("the cap of " + job.batchesPerDay() + " batches a day (batches-per-day) is reached until "
                    + Instant.ofEpochMilli(lastDay.get(lastDay.size() - job.batchesPerDay())).plus(DAY), null);
        }
    }

    /**
     * When the batches opened since {@code dayAgo} were opened, by this export and every other export name in the
     * state database, oldest first: AEP's guardrail counts a sandbox's batches, whichever export opened them.
     */
    private List<Long> batchTimesOfEveryExportSince(long dayAgo) {
        List<Long> times = new ArrayList<>(checkpoint.batchTimesSince(dayAgo));
        state.checkpoints().startingWith(HistoryJob.CHECKPOINT_PREFIX).forEach((key, json) -> {
            if (!key.equals(checkpointKey)) {
                times.addAll(batchTimesIn(key, json, dayAgo));
            }
        });
        times.sort(null);
        return times;
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
        LOG.warn("{}; kept in the dead letters and skipped", why);
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

    private Path path(long number) {
        return job.outDir().resolve(String.format("%s-%06d.json", job.name(), number));
    }

    /** The batch's files that hold orders, in upload order. */
    private List<Path> paths(OpenBatch batch) {
        return batch.files().stream().filter(file -> file.orders() > 0).map(file -> path(file.number()))
                .filter(Files::isRegularFile).toList();
    }

    /** Files numbered from {@code first} on were never handed over (a run stopped while writing them). */
    private void deleteUnfinishedFiles(long first) throws IOException {
        Pattern ours = HistoryJob.filesOf(job.name());
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
        HistoryCheckpoint at = checkpoint;
        return new HistoryStopped("history export '" + job.name() + "' stopped: " + why + "; everything up to order "
                + at.lastOrderHandedOver() + " is handed over and checkpointed (" + at.orders() + " orders in settled"
                + " batches): run it again with --resume to go on", cause);
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

package dev.ferry.history;

import dev.ferry.core.sales.CommerceDatabaseEndpoint;
import dev.ferry.history.export.HistoryProgress;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * The {@code commerce-history:name} endpoint: each exchange sent to it runs (or resumes) the export and leaves its
 * {@code HistorySummary} as the body. The name keys the export's checkpoint and names its files.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "commerce-history", title = "Ferry Commerce order history",
        syntax = "commerce-history:name", producerOnly = true, category = {Category.DATABASE},
        headersClass = CommerceHistoryHeaders.class)
public class CommerceHistoryEndpoint extends CommerceDatabaseEndpoint {

    /** AEP's batch ingestion guardrails: files per batch and bytes per batch. */
    static final int MAX_FILES_PER_BATCH = 1500;
    static final long MAX_BATCH_BYTES = 100L * 1024 * 1024 * 1024;

    @UriPath(description = "Name of this export; its checkpoint is commerce-history:<name> in the state database "
            + "and its files are <outDir>/<name>-NNNNNN.json")
    @Metadata(required = true)
    private final String name;

    @UriParam(label = "range", description = "Start of the range: orders created (sales_order.created_at, UTC) at or "
            + "after this date (2021-01-01) or ISO-8601 instant; header FerryHistoryFrom overrides it")
    private String from;

    @UriParam(label = "range", description = "End of the range, exclusive; changes after it are left to the live "
            + "order poller; header FerryHistoryTo overrides it")
    private String to;

    @UriParam(label = "range", description = "Go on from the checkpoint of an interrupted run of the same name, range "
            + "and stores instead of starting over; header FerryHistoryResume overrides it")
    private boolean resume;

    @UriParam(label = "sink", description = "Endpoint that ingests the files in batches, one step per exchange "
            + "(header FerryBatchStep: upload, complete, status), e.g. aep:batch; when empty the export is a dry run "
            + "that keeps the files in outDir")
    private String sinkUri;

    @UriParam(label = "sink", defaultValue = "data/history", description = "Directory of the files being written; "
            + "a dry run leaves its output here, an export deletes each file once its batch reached a final status")
    private String outDir = "data/history";

    @UriParam(label = "sizes", defaultValue = "500", description = "Orders read per page (keyset on entity_id)")
    private int pageSize = 500;

    @UriParam(label = "sizes", defaultValue = "268435456", description = "Largest JSON Lines file in bytes; a file "
            + "never exceeds it (AEP recommends at most 256 MB)")
    private long fileSize = 256L * 1024 * 1024;

    @UriParam(label = "sizes", defaultValue = "100", description = "Files per batch; at most 1500 and at most "
            + "100 GB per batch (AEP's batch ingestion guardrails)")
    private int filesPerBatch = 100;

    @UriParam(label = "sizes", defaultValue = "4", description = "Completed batches that may wait for AEP's final "
            + "status at once while the next loads (AEP processes several side by side); each keeps its files in "
            + "outDir until then, so outDir holds up to batchesInFlight + 2 batches")
    private int batchesInFlight = 4;

    @UriParam(label = "sizes", defaultValue = "90", description = "At most this many batches in any 24 hours (AEP's "
            + "guardrail for a sandbox's Profile-enabled datasets is 90), counted over every export in the state "
            + "database and every run of each, so starting over does not reset it; the export stops, resumable, when "
            + "it is reached; 0 for no cap")
    private int batchesPerDay = 90;

    @UriParam(label = "advanced", description = "Told after every page how far the export is, and asked whether to "
            + "stop (the CLI's progress bar and its Ctrl-C)")
    private HistoryProgress progress;

    public CommerceHistoryEndpoint(String uri, CommerceHistoryComponent component, String name) {
        super(uri, component);
        this.name = name;
    }

    @Override
    public CommerceHistoryComponent getComponent() {
        return (CommerceHistoryComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new CommerceHistoryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("commerce-history: is a producer only (to: commerce-history:" + name
                + "), triggered by a route, e.g. from quartz or a REST call");
    }

    /** Checks the sizes against each other and AEP's guardrails; a one-line reason otherwise. */
    void validateSizes() {
        if (pageSize < 1 || fileSize < 1 || filesPerBatch < 1 || batchesInFlight < 1 || batchesPerDay < 0) {
            throw new IllegalArgumentException("commerce-history:" + name + ": pageSize, fileSize, filesPerBatch and "
                    + "batchesInFlight must be positive and batchesPerDay at least 0");
        }
        if (filesPerBatch > MAX_FILES_PER_BATCH || filesPerBatch * fileSize > MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("commerce-history:" + name + ": " + filesPerBatch + " files of "
                    + fileSize + " bytes exceed AEP's batch guardrails (" + MAX_FILES_PER_BATCH + " files, 100 GB)");
        }
    }

    public String getName() {
        return name;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public boolean isResume() {
        return resume;
    }

    public void setResume(boolean resume) {
        this.resume = resume;
    }

    public String getSinkUri() {
        return sinkUri;
    }

    public void setSinkUri(String sinkUri) {
        this.sinkUri = sinkUri;
    }

    public String getOutDir() {
        return outDir;
    }

    public void setOutDir(String outDir) {
        this.outDir = outDir;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public long getFileSize() {
        return fileSize;
    }

    public void setFileSize(long fileSize) {
        this.fileSize = fileSize;
    }

    public int getFilesPerBatch() {
        return filesPerBatch;
    }

    public void setFilesPerBatch(int filesPerBatch) {
        this.filesPerBatch = filesPerBatch;
    }

    public int getBatchesInFlight() {
        return batchesInFlight;
    }

    public void setBatchesInFlight(int batchesInFlight) {
        this.batchesInFlight = batchesInFlight;
    }

    public int getBatchesPerDay() {
        return batchesPerDay;
    }

    public void setBatchesPerDay(int batchesPerDay) {
        this.batchesPerDay = batchesPerDay;
    }

    public HistoryProgress getProgress() {
        return progress;
    }

    public void setProgress(HistoryProgress progress) {
        this.progress = progress;
    }
}

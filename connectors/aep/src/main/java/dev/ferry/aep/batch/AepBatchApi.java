package dev.ferry.aep.batch;

import dev.ferry.aep.http.AepHttpClient;
import dev.ferry.aep.http.AepRequest;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.aep.http.AepUrls;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.FailureKind;
import dev.ferry.core.xdm.Xdm;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The calls of one batch's lifecycle: create, upload files, complete, and look it up in Catalog. An answer that
 * is not a 2xx means the batch cannot go on (a wrong dataset, a batch AEP no longer knows); it is thrown as a
 * retryable failure, because none of these answers says anything about the rows themselves.
 */
final class AepBatchApi {

    private final AepHttpClient http;
    private final String platformUrl;
    private final String datasetId;
    private final Duration uploadTimeout;

    AepBatchApi(AepHttpClient http, String platformUrl, String datasetId, Duration uploadTimeout) {
        this.http = http;
        this.platformUrl = platformUrl;
        this.datasetId = datasetId;
        this.uploadTimeout = uploadTimeout;
    }

    /** Creates a batch of JSON Lines for the dataset and returns its id. */
    String create() {
        var body = Xdm.JSON.createObjectNode().put("datasetId", datasetId);
        body.putObject("inputFormat").put("format", "json");
        AepResponse answer = expectSuccess("creating a batch", http.send(AepRequest.postJson(
                importUrl(""), body.toString().getBytes(StandardCharsets.UTF_8), true)));
        String id = answer.json().path("id").asText("");
        if (id.isEmpty()) {
            throw new DeliveryException(FailureKind.RETRYABLE, "AEP created a batch but did not say its id");
        }
        return id;
    }

    void upload(String batchId, AepBatchFile file) {
        HttpRequest.BodyPublisher content;
        try {
            content = HttpRequest.BodyPublishers.ofFile(file.path());
        } catch (FileNotFoundException e) {
            throw new DeliveryException(FailureKind.RETRYABLE, "batch file " + file.path() + " is gone", null, e);
        }
        URI uri = importUrl("/" + AepUrls.encode(batchId) + "/datasets/" + AepUrls.encode(datasetId)
                + "/files/" + AepUrls.encode(file.name()));
        expectSuccess("uploading " + file.name() + " to batch " + batchId,
                http.send(new AepRequest("PUT", uri, "application/octet-stream", content, true, uploadTimeout)));
    }

    /** Tells AEP every file is there; AEP documents that completing again after a failed call is safe. */
    void complete(String batchId) {
        URI uri = importUrl("/" + AepUrls.encode(batchId) + "?action=COMPLETE");
        expectSuccess("completing batch " + batchId, http.send(
                new AepRequest("POST", uri, null, HttpRequest.BodyPublishers.noBody(), true, null)));
    }

    AepBatchStatus status(String batchId) {
        return find(batchId).orElseThrow(() -> new DeliveryException(FailureKind.RETRYABLE, "looking up batch "
                + batchId + " failed: Catalog does not know it"));
    }

    /** The batch as Catalog describes it; empty when Catalog answers 404 (a batch it never had or no longer has). */
    Optional<AepBatchStatus> find(String batchId) {
        URI uri = AepUrls.of(platformUrl, "/data/foundation/catalog/batches/" + AepUrls.encode(batchId));
        AepResponse answer = http.send(AepRequest.get(uri, true));
        if (answer.status() == 404) {
            return Optional.empty();
        }
        expectSuccess("looking up batch " + batchId, answer);
        return Optional.of(AepBatchStatus.fromCatalog(batchId, answer.json()));
    }

    private URI importUrl(String rest) {
        return AepUrls.of(platformUrl, "/data/foundation/import/batches" + rest);
    }

    private static AepResponse expectSuccess(String what, AepResponse answer) {
        if (!answer.isSuccess()) {
            throw new DeliveryException(FailureKind.RETRYABLE, what + " failed: AEP answered " + answer.reason());
        }
        return answer;
    }
}

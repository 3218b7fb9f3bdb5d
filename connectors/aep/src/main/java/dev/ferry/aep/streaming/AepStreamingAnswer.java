package dev.ferry.aep.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.aep.http.AepPart;
import dev.ferry.aep.http.AepResponse;
import dev.ferry.aep.http.AepStatus;
import dev.ferry.core.delivery.DeliveryException;
import dev.ferry.core.delivery.DeliveryReport;
import dev.ferry.core.delivery.FailureKind;

import java.util.List;

/**
 * Reads streaming ingestion's answer to a batch of messages (207 Multi-Status): {@code responses[i]} is the fate of
 * message {@code i}. An entry with a 2xx {@code statusCode}, or with only an {@code xactionId}, was accepted; a 4xx
 * was refused for good; a 5xx was not ingested this time and is left for a later attempt.
 */
public final class AepStreamingAnswer {

    private AepStreamingAnswer() {
    }

    public static void read(List<AepPart> parts, AepResponse answer, DeliveryReport report) {
        JsonNode responses = answer.json().path("responses");
        if (!responses.isArray()) {
            // A 2xx without per-message results accepted the request as a whole.
            parts.forEach(part -> report.delivered(part.eventId()));
            return;
        }
        int failedOnAepSide = 0;
        String lastFailure = null;
        for (int i = 0; i < parts.size(); i++) {
            JsonNode entry = responses.path(i);
            String id = parts.get(i).eventId();
            int status = entry.path("statusCode").asInt(entry.has("xactionId") ? 200 : 0);
            if (AepStatus.isSuccess(status)) {
                report.delivered(id);
            } else if (status >= 400 && status < 500) {
                report.rejected(id, status + " " + entry.path("message").asText("refused by streaming ingestion"));
            } else {
                failedOnAepSide++;
                lastFailure = entry.isMissingNode() ? "no result for the message"
                        : status + " " + entry.path("message").asText("");
            }
        }
        if (failedOnAepSide > 0) {
            report.deferred(new DeliveryException(FailureKind.RETRYABLE, "streaming ingestion did not take "
                    + failedOnAepSide + " message(s) this time (" + lastFailure.strip() + ")"));
        }
    }
}

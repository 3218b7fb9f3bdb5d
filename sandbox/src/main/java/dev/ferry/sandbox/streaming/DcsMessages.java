package dev.ferry.sandbox.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.web.Json;
import java.util.Optional;

/**
 * The checks DCS makes on a streaming message before XDM validation: the message must have a header and a body
 * with an {@code xdmEntity}, reference the dataset's schema, and belong to the inlet's organization and dataset.
 * Reasons read as DCS words them, prefixed with the inlet and organization.
 */
final class DcsMessages {

    static final String FULL_XDM_CONTENT_TYPE = "application/vnd.adobe.xed-full+json";

    private final SandboxSettings settings;

    DcsMessages(SandboxSettings settings) {
        this.settings = settings;
    }

    /** The reason the message cannot be ingested, before its XDM is even looked at; empty when it can be. */
    Optional<String> envelopeProblem(JsonNode message) {
        JsonNode header = message.path("header");
        if (!header.isObject()) {
            return unknownFormat("the message has no header");
        }
        Optional<String> schemaRef = schemaRefProblem(header.path("schemaRef"), "header.schemaRef");
        if (schemaRef.isPresent()) {
            return schemaRef;
        }
        String org = Json.textField(header, "imsOrgId");
        if (header.has("imsOrgId") && !settings.imsOrgId().equals(org)) {
            return Optional.of(prefixed("Message has an absent or wrong ims org in the header"));
        }
        String dataset = Json.textField(header, "datasetId");
        if (header.has("datasetId") && !settings.datasetId().equals(dataset)) {
            return Optional.of(prefixed("Message references dataset '" + dataset
                    + "', which does not exist or is not the inlet's dataset '" + settings.datasetId() + "'"));
        }
        JsonNode body = message.path("body");
        if (!body.path("xdmEntity").isObject()) {
            return unknownFormat("the message has no body.xdmEntity object");
        }
        JsonNode metaRef = body.path("xdmMeta").path("schemaRef");
        return metaRef.isMissingNode() ? Optional.empty() : schemaRefProblem(metaRef, "body.xdmMeta.schemaRef");
    }

    /** Prefixes a reason with the inlet and organization, as every DCS message error is. */
    String prefixed(String reason) {
        return "inletId: [" + settings.streamingConnectionId() + "] imsOrgId: [" + settings.imsOrgId() + "] " + reason;
    }

    private Optional<String> schemaRefProblem(JsonNode schemaRef, String where) {
        String id = Json.textField(schemaRef, "id");
        if (!settings.schemaId().equals(id)) {
            return unknownFormat(where + ".id '" + id + "' is not the schema of dataset '" + settings.datasetId()
                    + "' (" + settings.schemaId() + ")");
        }
        if (!Json.textField(schemaRef, "contentType").startsWith(FULL_XDM_CONTENT_TYPE)) {
            return unknownFormat(where + ".contentType must be " + FULL_XDM_CONTENT_TYPE + ";version=...");
        }
        return Optional.empty();
    }

    private Optional<String> unknownFormat(String why) {
        return Optional.of(prefixed("Message has unknown xdm format: " + why));
    }
}

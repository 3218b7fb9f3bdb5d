package dev.ferry.app.check;

import dev.ferry.core.config.FerrySetting;

import java.util.List;

/**
 * Which Ferry keys an {@code aep:} endpoint needs, and the endpoint option that may stand in for the key in the
 * route's URI (the AEP resource ids can be overridden per endpoint; the credentials cannot).
 */
enum AepRequirement {
    CLIENT_ID(FerrySetting.AEP_CLIENT_ID, null),
    CLIENT_SECRET(FerrySetting.AEP_CLIENT_SECRET, null),
    ORG_ID(FerrySetting.AEP_ORG_ID, null),
    DATASTREAM_ID(FerrySetting.AEP_DATASTREAM_ID, "datastreamId"),
    STREAMING_CONNECTION_ID(FerrySetting.AEP_STREAMING_CONNECTION_ID, "streamingConnectionId"),
    DATASET_ID(FerrySetting.AEP_DATASET_ID, "datasetId"),
    SCHEMA_ID(FerrySetting.AEP_SCHEMA_ID, "schemaId");

    final FerrySetting setting;
    /** The aep endpoint option that overrides the key, or null when only the component has it. */
    final String endpointOption;

    AepRequirement(FerrySetting setting, String endpointOption) {
        this.setting = setting;
        this.endpointOption = endpointOption;
    }

    /** The keys one aep api needs, credentials first. Unknown apis need the credentials only. */
    static List<AepRequirement> of(String api) {
        List<AepRequirement> credentials = List.of(CLIENT_ID, CLIENT_SECRET, ORG_ID);
        List<AepRequirement> resources = switch (api) {
            case "edge" -> List.of(DATASTREAM_ID);
            case "streaming" -> List.of(STREAMING_CONNECTION_ID, DATASET_ID, SCHEMA_ID);
            case "batch" -> List.of(DATASET_ID);
            default -> List.of();
        };
        return java.util.stream.Stream.concat(credentials.stream(), resources.stream()).toList();
    }
}

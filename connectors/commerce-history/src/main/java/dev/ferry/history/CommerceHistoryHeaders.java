package dev.ferry.history;

import org.apache.camel.spi.Metadata;

/** Headers that override an export's options for one run, e.g. from a REST call's parameters. */
public final class CommerceHistoryHeaders {

    @Metadata(description = "Start of the range (a UTC date such as 2021-01-01, or an ISO-8601 instant); overrides "
            + "the from option.", javaType = "String")
    public static final String FROM = "FerryHistoryFrom";

    @Metadata(description = "End of the range, exclusive; overrides the to option.", javaType = "String")
    public static final String TO = "FerryHistoryTo";

    @Metadata(description = "true to go on from the checkpoint of an interrupted run, false to start over (a Boolean, or "
            + "its text, e.g. a query parameter); overrides the resume option.", javaType = "Boolean")
    public static final String RESUME = "FerryHistoryResume";

    private CommerceHistoryHeaders() {
    }
}

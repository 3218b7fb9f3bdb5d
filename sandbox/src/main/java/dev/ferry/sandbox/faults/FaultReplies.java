package dev.ferry.sandbox.faults;

import dev.ferry.sandbox.edge.EdgeProblems;
import dev.ferry.sandbox.web.ApiFamily;
import dev.ferry.sandbox.web.Reply;

/** The answer to a request the fault injector decided to fail, shaped as the API's own errors are. */
public final class FaultReplies {

    private FaultReplies() {
    }

    public static Reply reply(ApiFamily family, FaultDecision decision) {
        int status = decision.failStatus();
        Reply reply;
        if (status == 503 && family == ApiFamily.EDGE) {
            reply = EdgeProblems.unavailable();
        } else if (status == 429) {
            reply = Reply.plainProblem(429, "Too Many Requests",
                    "Too many requests within the allowed time; retry after the Retry-After delay.");
        } else if (status == 503) {
            reply = Reply.plainProblem(503, "Service Unavailable",
                    "The service is currently unavailable; retry with exponential back-off.");
        } else {
            reply = Reply.plainProblem(status, "Injected fault", "The sandbox was told to fail this request.");
        }
        return decision.retryAfterSeconds() > 0
                ? reply.withHeader("Retry-After", Integer.toString(decision.retryAfterSeconds()))
                : reply;
    }
}

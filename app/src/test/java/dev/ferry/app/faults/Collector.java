package dev.ferry.app.faults;

import dev.ferry.app.process.FerryProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ferry's storefront collector as the fault scenarios call it: batches of page views from one shopper. */
final class Collector {

    /** One shopper: the same FPID on every request, so the shopper's events must arrive in acceptance order. */
    private static final String FPID = "2f6c1f9e-4b8e-4d1a-9c55-6f1b7c3a9e10";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI events;

    Collector(int httpPort) {
        this.events = URI.create("http://127.0.0.1:" + httpPort + "/v1/storefront/events");
    }

    /** Waits until the collector answers, failing early with Ferry's output when the process died. */
    void awaitReady(FerryProcess ferry) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(ferry.isAlive()).as(ferry.output()).isTrue();
            try {
                return post("[]").statusCode() == 202;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(events).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-Ferry-Fpid", FPID)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A collector body of one page view per id, each id its ACDL eventId and so its XDM _id. */
    static String pageViews(List<String> ids) {
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            body.append(body.length() == 1 ? "" : ",").append("{\"event\":\"page-view\",\"eventInfo\":{\"pageContext\":")
                    .append("{\"pageType\":\"CMS\",\"pageName\":\"Home\"},\"debugContext\":{\"eventId\":\"")
                    .append(id).append("\"}}}");
        }
        return body.append("]").toString();
    }
}

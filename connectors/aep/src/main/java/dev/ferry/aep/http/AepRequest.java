package dev.ferry.aep.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One call to AEP, described so it can be sent again: the body publisher is replayable (bytes or a file), and the
 * headers that change between attempts (the token) are added by {@link AepHttpClient}.
 *
 * @param platform whether this is a Platform API ({@code /data/...}), which also needs {@code x-sandbox-name}
 * @param timeout  how long to wait for the answer; null for the client's request timeout
 */
public record AepRequest(String method, URI uri, String contentType, HttpRequest.BodyPublisher body,
                         boolean platform, Duration timeout) {

    public static AepRequest postJson(URI uri, byte[] json, boolean platform) {
        return new AepRequest("POST", uri, "application/json", HttpRequest.BodyPublishers.ofByteArray(json),
                platform, null);
    }

    public static AepRequest get(URI uri, boolean platform) {
        return new AepRequest("GET", uri, null, HttpRequest.BodyPublishers.noBody(), platform, null);
    }

    /** The method and path, for log lines and messages; the query is left out as it may be long. */
    public String describe() {
        return method + " " + uri.getPath();
    }
}

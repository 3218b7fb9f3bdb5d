package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for the sandbox, sending AEP's headers the way Ferry's connectors do. */
final class AepClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final SandboxSettings settings;
    private String token;

    AepClient(String baseUrl, SandboxSettings settings) {
        this.baseUrl = baseUrl;
        this.settings = settings;
    }

    HttpResponse<String> fetchToken(String clientId, String clientSecret, String grantType) {
        String form = "grant_type=" + grantType + "&client_id=" + clientId + "&client_secret=" + clientSecret
                + "&scope=openid,AdobeID,read_organizations";
        return send(HttpRequest.newBuilder(uri("/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Fetches a fresh token with the sandbox's credentials and uses it from now on. */
    String login() {
        HttpResponse<String> response = fetchToken(settings.clientId(), settings.clientSecret(), "client_credentials");
        token = json(response).get("access_token").asText();
        return token;
    }

    /** The headers a Platform API call carries: token, API key, organization and sandbox. */
    Map<String, String> platformHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("x-api-key", settings.clientId());
        headers.put("x-gw-ims-org-id", settings.imsOrgId());
        headers.put("x-sandbox-name", settings.sandboxName());
        return headers;
    }

    /** The headers an Edge or streaming call carries: no sandbox header. */
    Map<String, String> dataHeaders() {
        Map<String, String> headers = platformHeaders();
        headers.remove("x-sandbox-name");
        return headers;
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> put(String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

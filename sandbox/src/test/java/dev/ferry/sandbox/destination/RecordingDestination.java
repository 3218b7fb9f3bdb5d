package dev.ferry.sandbox.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.sandbox.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP destination on a free loopback port that records what it receives and answers as told (200 by default). */
public final class RecordingDestination implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> nextStatuses = new ConcurrentLinkedQueue<>();

    public RecordingDestination() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Integer status = nextStatuses.poll();
            received.add(new Received(Json.parse(body).orElseThrow(),
                    exchange.getRequestHeaders().getFirst("Authorization"), status == null ? 200 : status));
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/aep-destination");
    }

    /** The next requests are answered with these statuses, in order, then 200 again. */
    public void answerNext(Integer... statuses) {
        nextStatuses.addAll(List.of(statuses));
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The profiles answered with 200, in arrival order. */
    public List<JsonNode> delivered() {
        return received.stream().filter(r -> r.status() == 200).map(Received::profile).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request: its JSON body, its Authorization header and the status it got. */
    public record Received(JsonNode profile, String authorization, int status) {
    }
}

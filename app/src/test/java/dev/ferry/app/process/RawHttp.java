package dev.ferry.app.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: request targets with invalid percent-encoding, header
 * values with bytes beyond ASCII, a Content-Length that lies. {@link java.net.http.HttpClient} refuses to send
 * any of these, and they are what a hostile client sends. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    private static final int KEPT_BODY_BYTES = 300;

    private RawHttp() {
    }

    /** What came back: the status (-1 when none did), the first bytes of the body, and how long it took. */
    public record Answer(int status, String head, Duration took) {

        public boolean arrived() {
            return status > 0;
        }
    }

    /**
     * Writes the request bytes (on another thread, so a server that answers before reading the whole body is heard)
     * and reads the answer's status line and headers; waits at most {@code timeout} for them. The time taken is
     * until the headers were complete.
     */
    public static Answer send(int port, byte[] request, Duration timeout) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            // Its own thread: a write blocked on a server that stopped reading ends when the socket closes.
            Thread writer = new Thread(() -> {
                try {
                    out.write(request);
                    out.flush();
                } catch (IOException closedEarly) {
                    // The server answered and closed before reading everything: its answer is what counts.
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long answeredAt;
            try {
                answeredAt = readAnswer(socket.getInputStream(), answer, start, timeout);
            } catch (IOException reset) {
                answer.writeBytes(("(connection " + reset.getMessage() + ")").getBytes(StandardCharsets.UTF_8));
                answeredAt = System.nanoTime();
            }
            byte[] bytes = answer.toByteArray();
            return new Answer(status(bytes), head(bytes), Duration.ofNanos(answeredAt - start));
        }
    }

    /** A request as bytes: the request line, the headers as given (each "Name: value"), an empty line, the body. */
    public static byte[] request(String method, byte[] target, Iterable<String> headers, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 512);
        bytes.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(target);
        bytes.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (String header : headers) {
            bytes.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        bytes.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    /**
     * Reads the status line, the headers and the start of the body (the server may keep the connection open while it
     * waits for a body it will never read); returns when the headers were complete.
     */
    private static long readAnswer(InputStream in, ByteArrayOutputStream answer, long start, Duration timeout)
            throws IOException {
        byte[] buffer = new byte[8192];
        int bodyStart = -1;
        long headersAt = -1;
        int wanted = Integer.MAX_VALUE;
        while (answer.size() < wanted && System.nanoTime() - start < timeout.toNanos()) {
            int read;
            try {
                read = in.read(buffer);
            } catch (SocketTimeoutException e) {
                break; // a HEAD answer, say, announces a body it never sends
            }
            if (read < 0) {
                break;
            }
            answer.write(buffer, 0, read);
            if (bodyStart < 0) {
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    bodyStart = end + 4;
                    headersAt = System.nanoTime();
                    wanted = bodyStart + Math.min(KEPT_BODY_BYTES, contentLength(text.substring(0, end)));
                }
            }
        }
        return headersAt > 0 ? headersAt : System.nanoTime();
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                try {
                    return Integer.parseInt(line.substring(15).strip());
                } catch (NumberFormatException e) {
                    return KEPT_BODY_BYTES;
                }
            }
        }
        return KEPT_BODY_BYTES;
    }

    private static int status(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String head(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        int bodyStart = text.indexOf("\r\n\r\n");
        String firstLine = text.lines().findFirst().orElse("(no answer)");
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        return (firstLine + " " + body.substring(0, Math.min(body.length(), KEPT_BODY_BYTES))).replaceAll("\\s+", " ");
    }
}

package dev.ferry.sandbox.admin;

import dev.ferry.sandbox.ReceivedEvent;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code GET /sandbox} page: what the sandbox received, newest first, with each event's validation result.
 * Self-contained (no script, stylesheet or font from elsewhere) and refreshed by the browser every few seconds.
 */
final class EventsPage {

    static final int REFRESH_SECONDS = 2;

    private EventsPage() {
    }

    static String render(List<ReceivedEvent> events, long accepted, long rejected, long duplicates, String schema) {
        StringBuilder html = new StringBuilder(4096 + events.size() * 256);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">")
                .append("<title>Ferry AEP sandbox</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9rem}")
                .append("th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}")
                .append("th{background:#f4f4f4}code{font-size:.85rem}")
                .append(".ok{color:#0a7d22;font-weight:600}.bad{color:#c0162c;font-weight:600}")
                .append("ul.errors{margin:.2rem 0 0 1rem;padding:0;color:#c0162c}")
                .append("</style></head><body>\n<h1>Ferry AEP sandbox</h1>\n<p>")
                .append(accepted).append(" accepted, ").append(rejected).append(" rejected, ")
                .append(duplicates).append(" duplicate <code>_id</code>s. Schema: <code>")
                .append(escape(schema)).append("</code>. Showing the latest ").append(events.size())
                .append(" events; the page refreshes every ").append(REFRESH_SECONDS).append(" seconds.</p>\n")
                .append("<table><thead><tr><th>Received</th><th>Channel</th><th>Event type</th>")
                .append("<th><code>_id</code></th><th>Validation</th></tr></thead><tbody>\n");
        for (ReceivedEvent event : events) {
            html.append("<tr><td>").append(DateTimeFormatter.ISO_INSTANT.format(event.receivedAt()))
                    .append("</td><td>").append(event.channel().wireName())
                    .append("</td><td>").append(escape(event.eventType()))
                    .append("</td><td><code>").append(escape(event.id())).append("</code></td><td>");
            if (event.valid()) {
                html.append("<span class=\"ok\">&#10004; valid</span>");
            } else {
                html.append("<span class=\"bad\">&#10008; rejected</span><ul class=\"errors\">");
                event.validationErrors().forEach(error -> html.append("<li>").append(escape(error)).append("</li>"));
                html.append("</ul>");
            }
            html.append("</td></tr>\n");
        }
        if (events.isEmpty()) {
            html.append("<tr><td colspan=\"5\">Nothing received yet.</td></tr>\n");
        }
        return html.append("</tbody></table>\n</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package dev.ferry.storefront.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET …/ferry.js}: the snippet a storefront page loads from the collector. It listens to the page's Adobe
 * Client Data Layer and forwards every storefront event Ferry maps, with its state, to {@code …/events} next to
 * itself: in small batches, with {@code fetch} (keepalive) while the page lives and {@code navigator.sendBeacon}
 * when it is hidden. It is a static resource; browsers may cache it for five minutes.
 */
public final class StorefrontSnippet implements Processor {

    public static final String RESOURCE = "/dev/ferry/storefront/ferry.js";

    private final byte[] script;

    public StorefrontSnippet() {
        try (InputStream in = StorefrontSnippet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the snippet " + RESOURCE + " is missing from the connector's jar");
            }
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snippet " + RESOURCE, e);
        }
    }

    @Override
    public void process(Exchange exchange) {
        StorefrontAnswer.content(200, script, "application/javascript; charset=utf-8")
                .header("Cache-Control", "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .writeTo(exchange);
    }
}

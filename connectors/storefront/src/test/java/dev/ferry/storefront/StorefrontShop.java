package dev.ferry.storefront;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A storefront for the browser tests, served by the collector's own platform-http server (so the page and the
 * collector share an origin, as behind the store's reverse proxy): {@code /shop/<anything>.html} is a page whose
 * head loads the given scripts in order, {@code /shop/npm/...} the npm packages installed in {@code target/npm},
 * {@code /shop/test/...} the test's scripts from {@code src/test/resources/browser}.
 */
final class StorefrontShop extends RouteBuilder {

    private final Path modules;
    private final List<String> headScripts;

    /**
     * @param modules     the node_modules folder served under /shop/npm/
     * @param headScripts the script URLs every page loads, in order; a URL starting with "async " loads async
     */
    StorefrontShop(Path modules, List<String> headScripts) {
        this.modules = modules.toAbsolutePath().normalize();
        this.headScripts = List.copyOf(headScripts);
    }

    @Override
    public void configure() {
        from("platform-http:/shop?matchOnUriPrefix=true&httpMethodRestrict=GET").routeId("test-shop")
                .process(this::serve);
    }

    private void serve(Exchange exchange) throws IOException {
        String uri = exchange.getMessage().getHeader(Exchange.HTTP_URI, String.class);
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        path = path.substring(path.indexOf("/shop/") + "/shop/".length());
        exchange.getMessage().removeHeaders("*");
        byte[] body = null;
        if (path.startsWith("npm/")) {
            Path file = modules.resolve(path.substring(4)).normalize();
            if (file.startsWith(modules) && Files.isRegularFile(file)) {
                body = Files.readAllBytes(file);
            }
        } else if (path.startsWith("test/")) {
            try (InputStream in = StorefrontShop.class.getResourceAsStream("/browser/" + path.substring(5))) {
                body = in == null ? null : in.readAllBytes();
            }
        } else if (path.endsWith(".html")) {
            body = page(path).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (body == null) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
            exchange.getMessage().setBody("not found: " + path);
            return;
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType(path));
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody(body);
    }

    private String page(String path) {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(path).append("</title>\n");
        for (String script : headScripts) {
            boolean async = script.startsWith("async ");
            html.append("<script").append(async ? " async" : "").append(" src=\"")
                    .append(async ? script.substring(6) : script).append("\"></script>\n");
        }
        return html.append("</head><body><h1>").append(path).append("</h1></body></html>\n").toString();
    }

    private static String contentType(String path) {
        if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (path.endsWith(".js") || path.endsWith(".mjs")) {
            return "application/javascript; charset=utf-8";
        }
        if (path.endsWith(".json") || path.endsWith(".map")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}

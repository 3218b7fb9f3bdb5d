package dev.ferry.storefront;

import dev.ferry.core.state.StateDatabase;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What the browser tests stand on: the AEP sandbox, the collector route to it through the outbox, a shop page
 * loading the given scripts from the collector's own server, and a headless Chromium.
 */
final class BrowserShop implements AutoCloseable {

    final AepSandbox sandbox;
    final ChromeDriver browser;
    final String baseUrl;
    private final StateDatabase state;
    private final CamelContext camel;

    private BrowserShop(AepSandbox sandbox, StateDatabase state, CamelContext camel, ChromeDriver browser) {
        this.sandbox = sandbox;
        this.state = state;
        this.camel = camel;
        this.browser = browser;
        this.baseUrl = "http://127.0.0.1:" + StorefrontCollectorIT.port(camel);
    }

    static BrowserShop open(Path profile, Path npmModules, List<String> pageScripts) throws Exception {
        AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults());
        StateDatabase state = StateDatabase.open("jdbc:h2:mem:browser-shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "");
        CamelContext camel = StorefrontCollectorIT.collectorContext(state, "storefront:events");
        camel.addComponent("aep", StorefrontCollectorIT.aep(sandbox));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("outbox:edge?pollInterval=20&initialBackoff=20&maxBackoff=200").to("aep:edge");
            }
        });
        camel.addRoutes(new StorefrontShop(npmModules, pageScripts));
        camel.start();
        return new BrowserShop(sandbox, state, camel, BrowserTesting.startChromium(profile));
    }

    @Override
    public void close() {
        browser.quit();
        camel.stop();
        state.close();
        sandbox.close();
    }
}

package dev.ferry.app;

import dev.ferry.app.process.FerryProcess;
import dev.ferry.app.process.SandboxConfigFile;
import dev.ferry.sandbox.AepSandbox;
import dev.ferry.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** ferry.http.tls.*: the business port serves HTTPS from a keystore; the collector's cookie becomes Secure. */
class TlsIT {

    @TempDir
    Path work;

    @Test
    void businessPortServesHttpsFromTheKeystoreAndTheFpidCookieIsSecure() throws Exception {
        Path keystore = work.resolve("ferry.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "ferry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();

        try (AepSandbox sandbox = AepSandbox.start(SandboxSettings.defaults())) {
            int httpPort = SandboxConfigFile.freePort();
            Path config = SandboxConfigFile.write(work, sandbox, httpPort, SandboxConfigFile.freePort());
            Files.writeString(config, "ferry.http.tls.keystore=" + keystore + "\n", StandardOpenOption.APPEND);
            Map<String, String> env = Map.of("FERRY_AEP_CLIENT_SECRET", sandbox.settings().clientSecret(),
                    "FERRY_HTTP_TLS_KEYSTORE_PASSWORD", "changeit");

            try (FerryProcess ferry = FerryProcess.start(work, env, "run", "--config", config.toString())) {
                HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .sslContext(trustingEveryCertificate()).connectTimeout(Duration.ofSeconds(2)).build();
                HttpRequest post = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpPort + "/v1/storefront/events"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "[{\"event\":\"page-view\",\"eventInfo\":{\"pageContext\":{\"pageType\":\"CMS\"}}}]")).build();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                        assertThat(https.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202));

                HttpResponse<String> answer = https.send(post, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                        assertThat(cookie).contains("ferry_fpid=").contains("Secure"));
                assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/v1/storefront/ferry.js"))
                                .timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString())).as("plain HTTP is not served").isInstanceOf(Exception.class);
                assertThat(ferry.output()).doesNotContain("changeit");
            }
        }
    }

    private static SSLContext trustingEveryCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}

package dev.ferry.aep.audiences;

import dev.ferry.aep.AepComponent;
import dev.ferry.aep.AepTesting;
import dev.ferry.core.audience.Audience;
import dev.ferry.sandbox.AepSandbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.ferry.aep.AepTesting.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AepAudiencesIT {

    private AepSandbox sandbox;
    private final BlockingQueue<List<Audience>> polls = new LinkedBlockingQueue<>();

    @BeforeEach
    void startSandbox() {
        sandbox = AepSandbox.start(AepTesting.SANDBOX);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    @Test
    void eachPollHandsOnTheWholeCatalogReadAcrossPages() throws Exception {
        String catalog = IntStream.range(0, 7)
                .mapToObj(i -> "{\"id\":\"aud-" + i + "\",\"name\":\"Audience " + i + "\",\"description\":\"d" + i + "\"}")
                .reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElseThrow();
        AepTesting.putToSandbox(sandbox, "/sandbox/audiences", catalog);

        try (CamelContext context = polling(AepTesting.component(sandbox), "aep:audiences?pageSize=3&delay=60000")) {
            List<Audience> audiences = polls.poll(10, TimeUnit.SECONDS);

            assertThat(audiences).extracting(Audience::id)
                    .containsExactly("aud-0", "aud-1", "aud-2", "aud-3", "aud-4", "aud-5", "aud-6");
            assertThat(audiences.get(4)).isEqualTo(new Audience("aud-4", "Audience 4", "d4", "published"));
        }
        // 7 audiences in pages of 3: offsets 0, 3 and 6.
        assertThat(requests(sandbox, "segmentation.audiences")).isEqualTo(3);
    }

    @Test
    void laterPollsSeeTheCatalogChangeAndARevokedTokenIsRenewed() throws Exception {
        try (CamelContext context = polling(AepTesting.component(sandbox), "aep:audiences?delay=50")) {
            List<Audience> first = polls.poll(10, TimeUnit.SECONDS);
            assertThat(first).hasSize(4).allSatisfy(audience -> assertThat(audience.state()).isEqualTo("published"));

            sandbox.revokeTokens();
            AepTesting.putToSandbox(sandbox, "/sandbox/audiences", "[{\"id\":\"only\",\"name\":\"Only one\"}]");

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                List<Audience> next = polls.take();
                return next.equals(List.of(new Audience("only", "Only one", "", "published")));
            });
        }
        assertThat(requests(sandbox, "ims.token")).isEqualTo(2);
    }

    private CamelContext polling(AepComponent aep, String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addComponent("aep", aep);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> polls.add(exchange.getIn().getBody(List.class)));
            }
        });
        context.start();
        return context;
    }
}

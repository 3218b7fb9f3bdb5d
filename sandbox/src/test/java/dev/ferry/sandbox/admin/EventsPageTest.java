package dev.ferry.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.Channel;
import dev.ferry.sandbox.ReceivedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsPageTest {

    @Test
    void escapesWhatClientsSentSoAnEventCannotInjectMarkup() {
        ReceivedEvent hostile = new ReceivedEvent("<script>alert(1)</script>", "x\"><img>", Channel.EDGE,
                Instant.parse("2024-05-01T10:00:00Z"), false, List.of("$.a: <b>bad</b>"), "{}");

        String html = EventsPage.render(List.of(hostile), 0, 1, 0, "built-in");

        assertThat(html).doesNotContain("<script>", "<img>", "<b>bad")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "x&quot;&gt;&lt;img&gt;", "&lt;b&gt;bad&lt;/b&gt;");
    }

    @Test
    void saysSoWhenNothingWasReceived() {
        assertThat(EventsPage.render(List.of(), 0, 0, 0, "built-in")).contains("Nothing received yet.");
    }
}

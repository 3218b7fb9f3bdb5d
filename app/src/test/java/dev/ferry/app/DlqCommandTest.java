package dev.ferry.app;

import dev.ferry.core.delivery.OutboundEvent;
import dev.ferry.core.state.StateDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DlqCommandTest {

    @TempDir
    Path dir;

    private Path config;
    private String stateUrl;

    @BeforeEach
    void deadLetters() throws Exception {
        stateUrl = "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath();
        config = dir.resolve("ferry.properties");
        Files.writeString(config, "ferry.state.db.url=" + stateUrl + "\n");
        try (StateDatabase state = StateDatabase.open(stateUrl, "", "")) {
            state.deadLetters().add("streaming", new OutboundEvent("e-1", null,
                    "{\"_id\":\"e-1\",\"personalEmail\":{\"address\":\"jane@example.com\"}}"), "XDM invalid: bad key");
            state.deadLetters().add("edge", new OutboundEvent("e-2", null, "{\"_id\":\"e-2\"}"), "too large");
        }
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new FerryCli());
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
        cli.setExecutionExceptionHandler(new OneLineErrors());
        int code = cli.execute(args);
        return new String[] {Integer.toString(code), out.toString()};
    }

    @Test
    void listShowsEveryDeadLetterNewestFirstAndFiltersByReason() {
        String[] all = run("dlq", "list", "--config", config.toString());
        String[] invalid = run("dlq", "list", "--config", config.toString(), "--reason", "xdm");

        assertThat(all[0]).isEqualTo("0");
        assertThat(all[1]).containsSubsequence("e-2", "e-1").contains("2 dead letter(s)");
        assertThat(invalid[1]).contains("e-1").doesNotContain("e-2").contains("1 dead letter(s)");
    }

    @Test
    void showMasksEmailAddressesUnlessAskedForPersonalData() {
        String id = run("dlq", "list", "--config", config.toString(), "--reason", "xdm")[1].split(" ")[0];

        assertThat(run("dlq", "show", id, "--config", config.toString())[1])
                .contains("reason:   XDM invalid: bad key").contains("****@****").doesNotContain("jane@example.com");
        assertThat(run("dlq", "show", id, "--config", config.toString(), "--show-pii")[1]).contains("jane@example.com");
    }

    @Test
    void replayPutsTheDeadLetterBackIntoItsOutboxChannel() {
        String[] replayed = run("dlq", "replay", "--all", "--config", config.toString());

        assertThat(replayed[1]).contains("2 dead letter(s) back in the outbox");
        try (StateDatabase state = StateDatabase.open(stateUrl, "", "")) {
            assertThat(state.deadLetters().count()).isZero();
            assertThat(state.outbox().next("streaming", 10)).extracting(r -> r.event().id()).containsExactly("e-1");
            assertThat(state.outbox().next("edge", 10)).extracting(r -> r.event().id()).containsExactly("e-2");
        }
    }

    @Test
    void purgeKeepsYoungDeadLettersAndRefusesAnUnreadableAge() {
        assertThat(run("dlq", "purge", "--older-than", "30d", "--config", config.toString())[1])
                .contains("0 dead letter(s) older than 30d deleted");

        String[] wrong = run("dlq", "purge", "--older-than", "a month", "--config", config.toString());
        assertThat(wrong[0]).isEqualTo("2");
        assertThat(wrong[1]).contains("--older-than: an age is a number with d, h or m, such as 30d, 12h or 45m, not 'a month'");
    }
}

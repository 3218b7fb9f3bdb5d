package dev.ferry.app.command;

import dev.ferry.app.ExitCodes;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.FerrySetting;
import dev.ferry.core.identity.PersonalData;
import dev.ferry.core.state.DeadLetter;
import dev.ferry.core.state.DeadLetterRetention;
import dev.ferry.core.state.StateDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Work with dead letters: events AEP refused as invalid, kept with AEP's reason.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Replay.class,
                DlqCommand.Purge.class})
public final class DlqCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a dlq command: list, show, replay or purge");
    }

    static StateDatabase open(FerryConfig config) {
        return StateDatabase.open(config.get(FerrySetting.STATE_DB_URL), config.get(FerrySetting.STATE_DB_USER),
                config.get(FerrySetting.STATE_DB_PASSWORD));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List dead letters, newest first.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Only those whose reason contains TEXT.")
        String reason;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StateDatabase state = open(config.load())) {
                List<DeadLetter> letters = state.deadLetters().list(reason, limit);
                letters.forEach(letter -> out.printf("%d  %s  %-10s %s  %s%n", letter.id(),
                        Instant.ofEpochMilli(letter.failedAtMillis()), letter.channel(), letter.event().id(),
                        letter.reason().lines().findFirst().orElse("")));
                out.println(letters.size() + " dead letter(s)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show one dead letter with its payload (personal data masked unless --show-pii).")
    static final class Show implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Parameters(paramLabel = "ID", description = "The dead letter's id, as `dlq list` shows it.")
        long id;
        @Option(names = "--show-pii", description = "Show email addresses and other personal data unmasked.")
        boolean showPii;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StateDatabase state = open(config.load())) {
                DeadLetter letter = state.deadLetters().find(id).orElse(null);
                if (letter == null) {
                    spec.commandLine().getErr().println("ferry: no dead letter " + id);
                    return ExitCodes.FAILED;
                }
                out.println("id:       " + letter.id());
                out.println("channel:  " + letter.channel());
                out.println("event:    " + letter.event().id());
                out.println("failed:   " + Instant.ofEpochMilli(letter.failedAtMillis()));
                out.println("reason:   " + letter.reason());
                out.println("payload:  " + (showPii ? letter.event().json() : PersonalData.mask(letter.event().json())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Put dead letters back into their outbox channel, to be delivered again.")
    static final class Replay implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Option(names = "--all", description = "Replay every dead letter.")
        boolean all;
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Ids of the dead letters to replay.")
        List<Long> ids = List.of();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (all == !ids.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give either --all or dead letter ids");
            }
            try (StateDatabase state = open(config.load())) {
                int replayed = state.deadLetters().replay(all ? state.deadLetters().allIds() : ids);
                spec.commandLine().getOut().println(replayed + " dead letter(s) back in the outbox");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete dead letters older than an age.")
    static final class Purge implements Callable<Integer> {
        @Mixin
        ConfigOption config;
        @Option(names = "--older-than", required = true, paramLabel = "AGE",
                description = "An age such as 30d, 12h or 45m.")
        String olderThan;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Duration age = age(olderThan);
            try (StateDatabase state = open(config.load())) {
                int purged = state.deadLetters().purgeOlderThan(age);
                spec.commandLine().getOut().println(purged + " dead letter(s) older than " + olderThan + " deleted");
            }
            return ExitCodes.OK;
        }

        private Duration age(String text) {
            try {
                return DeadLetterRetention.parseAge(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--older-than: " + e.getMessage());
            }
        }
    }
}

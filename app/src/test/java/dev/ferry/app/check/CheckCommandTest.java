package dev.ferry.app.check;

import dev.ferry.app.ExitCodes;
import dev.ferry.app.FerryCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static dev.ferry.app.check.CheckRun.deliveryRoute;
import static dev.ferry.app.check.CheckRun.validConfig;
import static dev.ferry.app.check.CheckRun.writeConfig;
import static dev.ferry.app.check.CheckRun.writeRoute;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry check --config FILE --routes DIR} through the command line, as an operator types it. */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void commandLinePrintsOneLinePerCheckAndReturnsTheCheckExitCode() throws Exception {
        Path config = writeConfig(dir, validConfig("http://127.0.0.1:" + CheckRun.closedPort()));
        Path routes = writeRoute(dir, "orders.yaml", deliveryRoute("- tto: aep:edge"));
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new FerryCli()).setOut(new PrintWriter(out, true))
                .execute("check", "--config", config.toString(), "--routes", routes.toString());

        assertThat(out.toString()).contains(routes.resolve("orders.yaml") + ":9: unknown field 'tto'; did you mean 'to'?");
        assertThat(out.toString().lines()).allMatch(l -> l.matches("(OK  |FAIL|SKIP) .*") || l.startsWith("ferry check "));
        assertThat(exit).isEqualTo(ExitCodes.INVALID_CONFIG);
    }
}

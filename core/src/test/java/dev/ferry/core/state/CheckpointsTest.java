package dev.ferry.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void aCheckpointLongerThan4000CharactersIsKeptEvenInADatabaseCreatedWithThatLimit() throws Exception {
        Path dir = Files.createTempDirectory("ferry-checkpoints");
        String url = "jdbc:h2:file:" + dir.resolve("state");
        try (Connection old = DriverManager.getConnection(url, "", "");
             Statement statement = old.createStatement()) {
            statement.execute("CREATE TABLE ferry_checkpoint (name VARCHAR(200) NOT NULL PRIMARY KEY, "
                    + "checkpoint_value VARCHAR(4000) NOT NULL, updated_at BIGINT NOT NULL)");
            statement.execute("INSERT INTO ferry_checkpoint VALUES ('kept', 'value', 0)");
        }
        String large = "placed:1@1790000000,".repeat(10_000);

        try (StateDatabase state = StateDatabase.open(url, "", "")) {
            state.checkpoints().put("large", large);

            assertThat(state.checkpoints().get("large")).contains(large);
            assertThat(state.checkpoints().get("kept")).contains("value");
        }
    }
}

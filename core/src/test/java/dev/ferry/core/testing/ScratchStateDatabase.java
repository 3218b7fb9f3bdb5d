package dev.ferry.core.testing;

import dev.ferry.core.state.StateDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Ferry's state database on a scratch database of the kind a test runs on ({@link OnEveryStateDatabase}), closed
 * and dropped after each test. Register it with {@code @RegisterExtension}.
 */
public final class ScratchStateDatabase implements AfterEachCallback {

    private ScratchDatabase database;
    private StateDatabase state;

    public StateDatabase open(TestDatabase kind) {
        database = kind.create();
        state = StateDatabase.open(database.url(), database.user(), database.password());
        return state;
    }

    /** Closes the state database and opens it again on the same scratch database, as a restart would. */
    public StateDatabase reopen() {
        state.close();
        state = StateDatabase.open(database.url(), database.user(), database.password());
        return state;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (state != null) {
            state.close();
            state = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}

package dev.ferry.core.state;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** The state database failed; nothing of the operation was committed. */
public class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database could not be reached (no connection within the pool's timeout, or the connection broke),
     * rather than refusing what was written: then no other attempt can succeed until it is back.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLState class 08: connection exception, whichever driver (or the pool) raised it.
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}

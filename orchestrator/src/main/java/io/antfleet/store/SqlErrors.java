package io.antfleet.store;

import io.antfleet.fleet.AntfleetException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** Reads what went wrong out of the two databases' different SQL errors. */
final class SqlErrors {
    private static final int MARIADB_DUPLICATE_KEY = 1062;
    private static final int MARIADB_DEADLOCK = 1213;
    private static final int H2_CONCURRENT_UPDATE = 90131;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DATABASE_IN_USE = 90020;

    private SqlErrors() {
    }

    /** A unique key was violated: H2 says 23505, MariaDB 23000 with error 1062. */
    static boolean isDuplicateKey(Throwable error) {
        return sqlException(error).map(e -> "23505".equals(e.getSQLState())
                || ("23000".equals(e.getSQLState()) && e.getErrorCode() == MARIADB_DUPLICATE_KEY)).orElse(false);
    }

    /** True when the duplicate is on the named constraint (both databases name it in the message). */
    static boolean isDuplicateOn(Throwable error, String constraint) {
        return isDuplicateKey(error) && sqlException(error)
                .map(e -> String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains(constraint)).orElse(false);
    }

    /**
     * A conflict with a concurrent transaction that a fresh attempt can resolve: a deadlock or
     * serialization failure (40001 on both), or H2's "concurrent update" and lock timeout.
     */
    static boolean isRetryable(Throwable error) {
        return sqlException(error).map(e -> "40001".equals(e.getSQLState()) || e.getErrorCode() == MARIADB_DEADLOCK
                || e.getErrorCode() == H2_CONCURRENT_UPDATE || e.getErrorCode() == H2_LOCK_TIMEOUT).orElse(false);
    }

    /** The store's exception for a failure; antfleet's own exceptions and non-SQL errors pass unchanged. */
    static RuntimeException translate(RuntimeException error, Database database) {
        if (error instanceof AntfleetException) {
            return error;
        }
        Optional<SQLException> sql = sqlException(error);
        if (sql.isEmpty()) {
            return error;
        }
        SQLException e = sql.get();
        if (e.getErrorCode() == H2_DATABASE_IN_USE) {
            return inUse(database, error);
        }
        return new StoreException("database error on " + database.displayUrl() + ": " + firstLine(e.getMessage())
                + " (SQLState " + e.getSQLState() + ", code " + e.getErrorCode() + ")", error);
    }

    /** The embedded database admits one process; say so instead of H2's file-lock message. */
    static Optional<StoreException> embeddedInUse(Throwable error, Database database) {
        return sqlException(error).filter(e -> e.getErrorCode() == H2_DATABASE_IN_USE).map(e -> inUse(database, error));
    }

    private static StoreException inUse(Database database, Throwable cause) {
        return new StoreException("the embedded database " + database.displayUrl() + " is in use by another antfleet"
                + " process; wait for it to finish, or share a MariaDB database between processes (--db jdbc:mariadb://...)",
                cause);
    }

    static Optional<SQLException> sqlException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return Optional.of((SQLException) t);
            }
        }
        return Optional.empty();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

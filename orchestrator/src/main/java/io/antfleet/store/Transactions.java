package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;

/**
 * The unit of work at the service boundary. {@code inTransaction} runs its work in one database
 * transaction on the calling thread: committed when the work returns, rolled back when it throws.
 * A call made while the thread is already inside one joins it, so repository methods (which are
 * transactional on their own) compose into one transaction when a caller wraps them.
 *
 * <p>A conflict with a concurrent transaction (deadlock, H2 "concurrent update") re-runs the whole
 * outermost unit of work, up to {@value #ATTEMPTS} times, so the work must touch nothing outside
 * the database. Thread safe.
 */
public final class Transactions implements UnitOfWork {
    static final int ATTEMPTS = 5;

    private final StoreConnection connection;
    private final ThreadLocal<StoreSession> current = new ThreadLocal<>();

    @Inject
    Transactions(StoreConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    /** The dialect of the database the transactions run on (opens nothing). */
    Database.Dialect dialect() {
        return connection.database().dialect();
    }

    public <T> T inTransaction(Function<StoreSession, T> work) {
        requireNonNull(work, "work is null");
        StoreSession joined = current.get();
        if (joined != null) {
            return work.apply(joined);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !SqlErrors.isRetryable(e)) {
                    throw SqlErrors.translate(e, connection.database());
                }
            }
        }
    }

    /** Work over the repositories (which join it), as {@link #inTransaction(Function)}. */
    @Override
    public <T> T call(Supplier<T> work) {
        requireNonNull(work, "work is null");
        return inTransaction(session -> work.get());
    }

    /** As {@link #inTransaction(Function)}, for work that returns nothing. */
    public void useTransaction(Consumer<StoreSession> work) {
        requireNonNull(work, "work is null");
        inTransaction(session -> {
            work.accept(session);
            return null;
        });
    }

    private static void rollback(SqlSession sql, Throwable cause) {
        try {
            sql.rollback(true);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private <T> T runOnce(Function<StoreSession, T> work) {
        try (SqlSession sql = connection.sessionFactory().openSession(ExecutorType.SIMPLE, false)) {
            StoreSession session = new StoreSession(sql);
            current.set(session);
            try {
                T result = work.apply(session);
                sql.commit(true);
                return result;
            } catch (RuntimeException | Error e) {
                rollback(sql, e);
                throw e;
            } finally {
                current.remove();
            }
        }
    }
}

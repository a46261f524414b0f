package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.Transaction;

/**
 * One unit of work: a database transaction on one connection, open for the duration of a
 * {@link Transactions#inTransaction} call. Callers outside the store only pass it along; the store's
 * repositories take their mappers from it.
 */
public final class StoreSession {
    private final SqlSession session;

    StoreSession(SqlSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    <M> M mapper(Class<M> type) {
        return session.getMapper(type);
    }

    /**
     * Runs {@code work} against a mapper whose statements are sent as JDBC batches on this
     * transaction's connection, and returns the batches' results once all are sent.
     */
    <M> List<BatchResult> batch(Class<M> type, Consumer<M> work) {
        Configuration configuration = session.getConfiguration();
        Executor executor = configuration.newExecutor(new JoinedTransaction(session.getConnection()), ExecutorType.BATCH);
        try (SqlSession batch = new DefaultSqlSession(configuration, executor, false)) {
            work.accept(batch.getMapper(type));
            return batch.flushStatements();
        }
    }

    /** Lends the enclosing transaction's connection to a batch executor; commit and close stay with the owner. */
    private static final class JoinedTransaction implements Transaction {
        private final Connection connection;

        JoinedTransaction(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void close() {
        }

        @Override
        public Integer getTimeout() {
            return null;
        }
    }
}

package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.Operation;
import io.antfleet.fleet.OperationState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

final class MyBatisOperationJournal implements OperationJournal {
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    MyBatisOperationJournal(Transactions transactions, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Operation begin(String intent, Long containerId, List<String> services) {
        Operation operation = new Operation(null, intent, containerId, services, OperationState.PENDING, 1,
                now(), null, null);
        ServiceListTypeHandler.encode(operation.services());
        return transactions.inTransaction(session -> {
            GeneratedId key = new GeneratedId();
            session.mapper(OperationMapper.class).insert(operation, key);
            return new Operation(key.value(), intent, containerId, services, OperationState.PENDING, 1,
                    operation.startedAt(), null, null);
        });
    }

    @Override
    public void complete(long operationId, List<String> services) {
        requireNonNull(services, "services is null");
        ServiceListTypeHandler.encode(services);
        finish(operationId, OperationState.DONE, List.copyOf(services), null);
    }

    @Override
    public void fail(long operationId, String error) {
        requireNonNull(error, "error is null");
        finish(operationId, OperationState.FAILED, null, error);
    }

    @Override
    public void recordAttempt(long operationId) {
        transactions.useTransaction(session -> requireRow(session.mapper(OperationMapper.class).addAttempt(operationId), operationId));
    }

    @Override
    public Optional<Operation> find(long operationId) {
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(OperationMapper.class).findById(operationId)));
    }

    @Override
    public List<Operation> pending() {
        return transactions.inTransaction(session -> session.mapper(OperationMapper.class).findByState(OperationState.PENDING));
    }

    @Override
    public List<Operation> recent(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return transactions.inTransaction(session -> session.mapper(OperationMapper.class).findRecent(limit));
    }

    @Override
    public List<Operation> recentOn(long containerId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        return transactions.inTransaction(session -> session.mapper(OperationMapper.class).findRecentOn(containerId, limit));
    }

    private void finish(long operationId, OperationState state, List<String> services, String error) {
        transactions.useTransaction(session -> requireRow(
                session.mapper(OperationMapper.class).finish(operationId, state, services, now(), error), operationId));
    }

    private static void requireRow(int rows, long operationId) {
        if (rows == 0) {
            throw new StoreException("no operation with id " + operationId + " in the journal");
        }
    }

    /** Now, at the columns' precision, so what is returned equals what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

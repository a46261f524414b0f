package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.Host;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

final class MyBatisHostRepository implements HostRepository {
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    MyBatisHostRepository(Transactions transactions, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Host record(Host host) {
        requireNonNull(host, "host is null");
        return transactions.inTransaction(session -> {
            HostMapper mapper = session.mapper(HostMapper.class);
            HostRow row = HostRow.of(host, clock.instant());
            if (mapper.updateByName(row) == 0) {
                mapper.insert(row, new GeneratedId());
            }
            return mapper.findByName(host.name()).toHost();
        });
    }

    @Override
    public Optional<Host> findByName(String name) {
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(HostMapper.class).findByName(name))
                .map(HostRow::toHost));
    }

    @Override
    public List<Host> findAll() {
        return transactions.inTransaction(session -> session.mapper(HostMapper.class).findAll().stream()
                .map(HostRow::toHost).collect(Collectors.toList()));
    }
}

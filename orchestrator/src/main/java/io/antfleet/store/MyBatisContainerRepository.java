package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.fleet.Container;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.ibatis.exceptions.PersistenceException;

final class MyBatisContainerRepository implements ContainerRepository {
    private final Transactions transactions;

    @Inject
    MyBatisContainerRepository(Transactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions is null");
    }

    @Override
    public Container insert(Container container) {
        requireNonNull(container, "container is null");
        return transactions.inTransaction(session -> {
            GeneratedId key = new GeneratedId();
            try {
                session.mapper(ContainerMapper.class).insert(ContainerRow.of(container), key);
            } catch (PersistenceException e) {
                throw duplicateOr(e, container);
            }
            return container.withId(key.value());
        });
    }

    @Override
    public void update(Container container) {
        requireNonNull(container.id(), "container id is null");
        transactions.useTransaction(session -> {
            int rows;
            try {
                rows = session.mapper(ContainerMapper.class).update(ContainerRow.of(container));
            } catch (PersistenceException e) {
                throw duplicateOr(e, container);
            }
            if (rows == 0) {
                throw new StoreException("no container with id " + container.id() + " (name '" + container.name() + "')");
            }
        });
    }

    @Override
    public Optional<Container> findById(long id) {
        return transactions.inTransaction(session -> toContainer(session.mapper(ContainerMapper.class).findById(id)));
    }

    @Override
    public Optional<Container> findByName(String name) {
        return transactions.inTransaction(session -> first(session.mapper(ContainerMapper.class).findByName(null, name)));
    }

    @Override
    public List<Container> findAllByName(String name) {
        return transactions.inTransaction(session -> session.mapper(ContainerMapper.class).findByName(null, name).stream()
                .map(ContainerRow::toContainer).collect(Collectors.toList()));
    }

    @Override
    public Optional<Container> findByDockerId(String dockerId) {
        return transactions.inTransaction(session -> first(session.mapper(ContainerMapper.class).findByDockerId(null, dockerId)));
    }

    @Override
    public Optional<Container> findByName(String host, String name) {
        requireNonNull(host, "host is null");
        return transactions.inTransaction(session -> first(session.mapper(ContainerMapper.class).findByName(host, name)));
    }

    @Override
    public Optional<Container> findByDockerId(String host, String dockerId) {
        requireNonNull(host, "host is null");
        return transactions.inTransaction(session -> first(session.mapper(ContainerMapper.class).findByDockerId(host, dockerId)));
    }

    @Override
    public List<Container> findAll() {
        return transactions.inTransaction(session -> session.mapper(ContainerMapper.class).findAll().stream()
                .map(ContainerRow::toContainer).collect(Collectors.toList()));
    }

    @Override
    public void delete(long id) {
        transactions.useTransaction(session -> session.mapper(ContainerMapper.class).delete(id));
    }

    private static Optional<Container> toContainer(ContainerRow row) {
        return Optional.ofNullable(row).map(ContainerRow::toContainer);
    }

    private static Optional<Container> first(List<ContainerRow> rows) {
        return rows.stream().findFirst().map(ContainerRow::toContainer);
    }

    private static RuntimeException duplicateOr(PersistenceException e, Container container) {
        if (SqlErrors.isDuplicateOn(e, "container_host_name_unique")) {
            return new StoreException("a container named '" + container.name() + "' already exists on host " + container.host(), e);
        }
        if (SqlErrors.isDuplicateOn(e, "container_host_docker_id_unique")) {
            return new StoreException("a container with Docker id '" + container.dockerId() + "' already exists on host "
                    + container.host() + " (name '" + container.name() + "')", e);
        }
        return e;
    }
}

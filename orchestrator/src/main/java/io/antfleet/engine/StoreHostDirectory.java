package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.HostDirectory;
import io.antfleet.fleet.Host;
import io.antfleet.store.HostRepository;
import jakarta.inject.Inject;
import java.util.List;

/** The hosts whose engines antfleet may open: the store's host rows, read when a host's gateway is first needed. */
final class StoreHostDirectory implements HostDirectory {
    private final HostRepository hosts;

    @Inject
    StoreHostDirectory(HostRepository hosts) {
        this.hosts = requireNonNull(hosts, "hosts is null");
    }

    @Override
    public List<Host> hosts() {
        return hosts.findAll();
    }
}

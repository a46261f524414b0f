package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.spec.HostSpec;
import java.time.Instant;

/**
 * An agent container antfleet drives. {@code id} is the store's surrogate key (null before insert);
 * {@code dockerId} is Docker's id, recorded the moment the container exists. {@code ports} may be null
 * for an imported container whose block is not known. {@code host} names the Docker engine it runs on
 * ({@link HostSpec#LOCAL}: the engine antfleet is configured with); its name and Docker id are unique on that host.
 */
public record Container(
        Long id,
        String dockerId,
        String name,
        String image,
        String status,
        String networkMode,
        ProcessManager processManager,
        PortBlock ports,
        Instant createdAt,
        Instant updatedAt,
        String host) {

    /** A container of the local engine. */
    public Container(Long id, String dockerId, String name, String image, String status, String networkMode,
            ProcessManager processManager, PortBlock ports, Instant createdAt, Instant updatedAt) {
        this(id, dockerId, name, image, status, networkMode, processManager, ports, createdAt, updatedAt, HostSpec.LOCAL);
    }

    public Container {
        requireNonNull(name, "name is null");
        requireNonNull(processManager, "processManager is null");
        requireNonNull(host, "host is null");
    }

    public Container withId(Long newId) {
        return new Container(newId, dockerId, name, image, status, networkMode, processManager, ports, createdAt, updatedAt, host);
    }

    /** The same row on the engine of {@code engineHost}. */
    public Container onHost(String engineHost) {
        return new Container(id, dockerId, name, image, status, networkMode, processManager, ports, createdAt, updatedAt, engineHost);
    }
}

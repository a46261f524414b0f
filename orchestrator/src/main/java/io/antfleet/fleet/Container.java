package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An agent container antfleet drives. {@code id} is the store's surrogate key (null before insert);
 * {@code dockerId} is Docker's id, recorded the moment the container exists. {@code ports} may be null
 * for an imported container whose block is not known.
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
        Instant updatedAt) {

    public Container {
        requireNonNull(name, "name is null");
        requireNonNull(processManager, "processManager is null");
    }

    public Container withId(Long newId) {
        return new Container(newId, dockerId, name, image, status, networkMode, processManager, ports, createdAt, updatedAt);
    }
}

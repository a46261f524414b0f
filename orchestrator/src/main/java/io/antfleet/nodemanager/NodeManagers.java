package io.antfleet.nodemanager;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.ProcessManager;

/**
 * Hands out one {@link NodeManager} per container and mode, the same instance every time, so that calls
 * into one container's registry are serialised. Thread safe.
 */
public interface NodeManagers {
    /** The manager of a recorded container: addressed by its Docker id when known, else by name. */
    default NodeManager forContainer(Container container) {
        String address = container.dockerId() != null ? container.dockerId() : container.name();
        return forContainer(address, container.name(), container.processManager());
    }

    /** {@code address} is how Docker finds it (id or name), {@code displayName} how errors name it. */
    NodeManager forContainer(String address, String displayName, ProcessManager mode);
}

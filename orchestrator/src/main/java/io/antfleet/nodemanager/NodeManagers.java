package io.antfleet.nodemanager;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.ProcessManager;

/**
 * Hands out one {@link NodeManager} per container and mode, the same instance every time, so that calls
 * into one container's registry are serialised. Each manager reaches its container through the Docker engine of
 * the container's host. Thread safe.
 */
public interface NodeManagers {
    /** The manager of a recorded container, on its host: addressed by its Docker id when known, else by name. */
    default NodeManager forContainer(Container container) {
        String address = container.dockerId() != null ? container.dockerId() : container.name();
        return forContainer(container.host(), address, container.name(), container.processManager());
    }

    /**
     * {@code host} names the engine the container runs on, {@code address} is how that engine finds it (id or
     * name), {@code displayName} how errors name it.
     */
    NodeManager forContainer(String host, String address, String displayName, ProcessManager mode);

    /**
     * As {@link #forContainer(String, String, String, ProcessManager)}, with the container's image id as Docker
     * just reported it ({@code sha256:...}; null when not known), so that a new manager need not ask Docker for it
     * before its first call (the tool's version is asked once per image id).
     */
    default NodeManager forContainer(String host, String address, String displayName, ProcessManager mode,
            String imageId) {
        return forContainer(host, address, displayName, mode);
    }
}

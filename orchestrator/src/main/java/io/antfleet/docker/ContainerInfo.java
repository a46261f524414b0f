package io.antfleet.docker;

import java.util.Map;

/**
 * What Docker reports of a container. {@code running} is Docker's State.Running; {@code image} the image as
 * the container was created from it (a reference such as {@code antfleet/agent:stand-in}), {@code imageId}
 * the image it runs ({@code sha256:...}; null where the engine did not say), which a tag moved later does not change.
 */
public record ContainerInfo(String id, String name, String image, boolean running, String networkMode,
        Map<String, String> labels, String imageId) {
    public ContainerInfo {
        labels = Map.copyOf(labels);
    }

    public ContainerInfo(String id, String name, String image, boolean running, String networkMode,
            Map<String, String> labels) {
        this(id, name, image, running, networkMode, labels, null);
    }
}

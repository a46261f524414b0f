package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.spec.HostSpec;
import java.util.Map;

/**
 * What Docker reports of a container. {@code running} is Docker's State.Running; {@code image} the image as
 * the container was created from it (a reference such as {@code antfleet/agent:stand-in}), {@code imageId}
 * the image it runs ({@code sha256:...}; null where the engine did not say), which a tag moved later does not change.
 * {@code host} names the engine that reported it ({@link HostSpec#LOCAL} for the engine antfleet is configured
 * with), so that whatever is done to the container next goes to that engine ({@link DockerGateways}).
 */
public record ContainerInfo(String id, String name, String image, boolean running, String networkMode,
        Map<String, String> labels, String imageId, String host) {
    public ContainerInfo {
        labels = Map.copyOf(labels);
        requireNonNull(host, "host is null");
    }

    /** A container of the local engine. */
    public ContainerInfo(String id, String name, String image, boolean running, String networkMode,
            Map<String, String> labels, String imageId) {
        this(id, name, image, running, networkMode, labels, imageId, HostSpec.LOCAL);
    }

    /** A container of the local engine, its image id not known. */
    public ContainerInfo(String id, String name, String image, boolean running, String networkMode,
            Map<String, String> labels) {
        this(id, name, image, running, networkMode, labels, null);
    }

    /** The same container as reported by the engine of {@code engineHost}. */
    public ContainerInfo onHost(String engineHost) {
        return new ContainerInfo(id, name, image, running, networkMode, labels, imageId, engineHost);
    }
}

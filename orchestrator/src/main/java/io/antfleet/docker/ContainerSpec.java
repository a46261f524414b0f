package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A container to create. Host networking is the default because antnode's metrics server binds
 * 127.0.0.1 only. {@code volume} names a Docker volume mounted at {@code volumeMount} for node data.
 * {@code ipv4Address}/{@code ipv6Address} fix the container's address on {@code networkMode}, an existing
 * user-defined Docker network (e.g. macvlan with one public address per container); not with host networking.
 */
public record ContainerSpec(String name, String image, Map<String, String> labels, String networkMode,
        String volume, String volumeMount, Double cpus, Long memoryBytes, String ipv4Address, String ipv6Address) {
    public ContainerSpec {
        requireNonNull(name, "name is null");
        requireNonNull(image, "image is null");
        labels = Map.copyOf(labels);
        networkMode = networkMode == null ? "host" : networkMode;
        if ((ipv4Address != null || ipv6Address != null) && networkMode.equals("host")) {
            throw new IllegalArgumentException("container " + name + ": a fixed address needs a Docker network, not host networking");
        }
    }

    /** A container without a fixed address. */
    public ContainerSpec(String name, String image, Map<String, String> labels, String networkMode,
            String volume, String volumeMount, Double cpus, Long memoryBytes) {
        this(name, image, labels, networkMode, volume, volumeMount, cpus, memoryBytes, null, null);
    }
}

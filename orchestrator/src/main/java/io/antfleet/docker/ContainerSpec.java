package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A container to create. Host networking is the default because antnode's metrics server binds
 * 127.0.0.1 only. {@code volume} names a Docker volume mounted at {@code volumeMount} for node data.
 */
public record ContainerSpec(String name, String image, Map<String, String> labels, String networkMode,
        String volume, String volumeMount, Double cpus, Long memoryBytes) {
    public ContainerSpec {
        requireNonNull(name, "name is null");
        requireNonNull(image, "image is null");
        labels = Map.copyOf(labels);
        networkMode = networkMode == null ? "host" : networkMode;
    }
}

package io.antfleet.docker;

import java.util.Map;

/** What Docker reports of a container. {@code running} is Docker's State.Running. */
public record ContainerInfo(String id, String name, String image, boolean running, String networkMode,
        Map<String, String> labels) {
    public ContainerInfo {
        labels = Map.copyOf(labels);
    }
}

package io.antfleet.fleet.plan;

import io.antfleet.fleet.PortBlock;
import java.util.List;
import java.util.Map;

/**
 * What the other antfleet containers on the host hold, that a fleet's new containers must not take: their port
 * blocks (other fleets share the host's ports: agent containers use host networking) and their Docker names
 * (fleet {@code a-b} with container {@code c} and fleet {@code a} with container {@code b-c} are both
 * {@code a-b-c}).
 *
 * @param dockerNames each Docker name, with what holds it (e.g. {@code container 'c' of fleet 'a-b'})
 */
public record Neighbours(List<PortBlock> blocks, Map<String, String> dockerNames) {
    public static final Neighbours NONE = new Neighbours(List.of(), Map.of());

    public Neighbours {
        blocks = List.copyOf(blocks);
        dockerNames = Map.copyOf(dockerNames);
    }
}

package io.antfleet.engine.apply;

import io.antfleet.docker.ContainerInfo;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import java.util.Optional;

/**
 * The labels antfleet puts on the containers it creates. The port block is a label too, so a crash
 * between creating a container and writing its row loses nothing: the next observe reads it back.
 */
public final class FleetLabels {
    public static final String FLEET = "antfleet.fleet";
    public static final String CONTAINER = "antfleet.container";
    public static final String PROCESS_MANAGER = "antfleet.process-manager";
    public static final String PORT_BLOCK = "antfleet.port-block";

    private FleetLabels() {
    }

    /** {@code node,metrics,rpc} ranges, e.g. {@code 55000-55099,13000-13099,30000-30099}. */
    public static String encode(PortBlock block) {
        return range(block.node()) + "," + range(block.metrics()) + "," + range(block.rpc());
    }

    private static String range(PortRange r) {
        return r.first() + "-" + r.last();
    }

    /** Empty for a missing or unreadable label (an operator may have edited it). */
    public static Optional<PortBlock> decode(String label) {
        if (label == null) {
            return Optional.empty();
        }
        try {
            String[] parts = label.split(",");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new PortBlock(parse(parts[0]), parse(parts[1]), parse(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PortRange parse(String text) {
        String[] ends = text.trim().split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("not a range: " + text);
        }
        return new PortRange(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]));
    }

    /** The spec name: the {@code antfleet.container} label, else the Docker name without {@code <fleet>-}. */
    public static String specName(ContainerInfo info, String fleet) {
        String label = info.labels().get(CONTAINER);
        if (label != null && !label.isBlank()) {
            return label;
        }
        String prefix = fleet + "-";
        return info.name().startsWith(prefix) && info.name().length() > prefix.length()
                ? info.name().substring(prefix.length()) : info.name();
    }
}

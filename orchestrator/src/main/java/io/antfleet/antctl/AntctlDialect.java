package io.antfleet.antctl;

import io.antfleet.nodemanager.UpgradeSummary;
import java.util.List;

/**
 * One antctl release line's command set: argument lists (without the program name) and output parsers.
 * A breaking change in antctl means a new dialect; callers never build arguments themselves.
 * Parsers raise {@link AntctlOutputException} for anything they cannot read.
 */
public interface AntctlDialect {
    String name();

    List<String> statusJson();

    List<String> add(AddRequest request);

    List<String> start(StartRequest request);

    List<String> stop(StopRequest request);

    List<String> remove(RemoveRequest request);

    List<String> resetForce();

    List<String> upgrade(UpgradeRequest request);

    /** Empty stdout means an empty registry. */
    List<AntctlNode> parseStatus(String stdout);

    /** {@code succeeded}: antctl exited 0, so a complete Services Added block is required. */
    AddOutput parseAdd(String stdout, boolean succeeded);

    UpgradeSummary parseUpgrade(String stdout);

    /** The per-node ✕ lines of a failed start, stop, remove or upgrade. */
    List<NodeFailure> parseFailures(String output);
}

package io.antfleet.fleet;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which node manager owns a container's nodes, and how it runs. {@code antctl+user} runs antctl as the
 * image's non-root user (registry under its home); {@code antctl+sudo} runs it as root (the system-wide
 * registry); {@code ant} is the {@code ant node} daemon of Autonomi v2 (ant-v2-contract.md), run as the
 * image's default user. The registries are independent, so the mode is recorded per container and never
 * guessed.
 */
public enum ProcessManager {
    ANTCTL_USER("antctl+user"),
    ANTCTL_SUDO("antctl+sudo"),
    ANT("ant");

    private final String label;

    ProcessManager(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean runsAsRoot() {
        return this == ANTCTL_SUDO;
    }

    /** Whether this is antctl (either registry) rather than {@code ant node}. */
    public boolean isAntctl() {
        return this != ANT;
    }

    /** The node binary this manager runs, as operators know it: antctl's {@code antnode}, ant's {@code ant-node}. */
    public String nodeBinary() {
        return isAntctl() ? "antnode" : "ant-node";
    }

    /** The prefix of the service names this manager gives its nodes. */
    public String servicePrefix() {
        return isAntctl() ? ServiceName.ANTCTL_PREFIX : ServiceName.ANT_PREFIX;
    }

    public static ProcessManager fromLabel(String label) {
        for (ProcessManager pm : values()) {
            if (pm.label.equals(label)) {
                return pm;
            }
        }
        throw new IllegalArgumentException("unknown process manager '" + label + "' (expected one of "
                + Arrays.stream(values()).map(ProcessManager::label).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}

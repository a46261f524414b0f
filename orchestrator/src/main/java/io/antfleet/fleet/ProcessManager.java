package io.antfleet.fleet;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How antctl runs inside a container. {@code antctl+user} runs as the image's non-root user
 * (registry under its home); {@code antctl+sudo} runs as root (the system-wide registry).
 * The two registries are independent, so the mode is recorded per container and never guessed.
 */
public enum ProcessManager {
    ANTCTL_USER("antctl+user"),
    ANTCTL_SUDO("antctl+sudo");

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

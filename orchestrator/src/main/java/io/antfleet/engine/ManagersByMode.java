package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.ant.AntManagers;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.nodemanager.NodeManagers;

/** The node manager a container's mode names: antctl (either registry) or {@code ant node}. Thread safe. */
public final class ManagersByMode implements NodeManagers {
    private final AntctlManagerFactory antctl;
    private final AntManagers ant;

    @Inject
    public ManagersByMode(AntctlManagerFactory antctl, AntManagers ant) {
        this.antctl = requireNonNull(antctl, "antctl is null");
        this.ant = requireNonNull(ant, "ant is null");
    }

    @Override
    public NodeManager forContainer(String address, String displayName, ProcessManager mode) {
        return mode == ProcessManager.ANT ? ant.forContainer(address, displayName)
                : antctl.forContainer(address, displayName, mode);
    }
}

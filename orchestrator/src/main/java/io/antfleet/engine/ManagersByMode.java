package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.antfleet.ant.AntManagers;
import io.antfleet.antctl.AntctlManagerFactory;
import io.antfleet.fleet.ProcessManager;
import io.antfleet.nodemanager.NodeManager;
import io.antfleet.fleet.AntfleetException;
import io.antfleet.nodemanager.NodeManagers;
import java.util.Optional;

/**
 * The node manager a container's mode names: antctl (either registry) or {@code ant node}. ant's module is
 * optional, so that an injector made without it (a test of antctl alone) still builds. Thread safe.
 */
public final class ManagersByMode implements NodeManagers {
    private final AntctlManagerFactory antctl;
    private final Optional<AntManagers> ant;

    @Inject
    public ManagersByMode(AntctlManagerFactory antctl, Optional<AntManagers> ant) {
        this.antctl = requireNonNull(antctl, "antctl is null");
        this.ant = requireNonNull(ant, "ant is null");
    }

    @Override
    public NodeManager forContainer(String host, String address, String displayName, ProcessManager mode) {
        return forContainer(host, address, displayName, mode, null);
    }

    @Override
    public NodeManager forContainer(String host, String address, String displayName, ProcessManager mode,
            String imageId) {
        if (mode != ProcessManager.ANT) {
            return antctl.forContainer(host, address, displayName, mode, imageId);
        }
        return ant.orElseThrow(() -> new AntfleetException("container " + displayName + " runs nodeManager ant, which "
                + "this antfleet was built without (no AntModule)")).forContainer(host, address, displayName);
    }
}

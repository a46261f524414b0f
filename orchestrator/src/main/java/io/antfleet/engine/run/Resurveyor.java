package io.antfleet.engine.run;

import java.util.List;
import java.util.Map;

/** Re-reads the registry of the named containers into the node rows (after a host reboot, or a failed cycle). */
@FunctionalInterface
public interface Resurveyor {
    /**
     * @param namesByHost Docker names by host: each is looked for on its own host's engine only, since another engine
     *     may run a container of the same name
     */
    void resurvey(Map<String, List<String>> namesByHost);
}

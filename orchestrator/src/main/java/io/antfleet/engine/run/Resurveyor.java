package io.antfleet.engine.run;

import java.util.List;

/** Re-reads antctl's registry of the named containers into the node rows (after a host reboot). */
@FunctionalInterface
public interface Resurveyor {
    void resurvey(List<String> containerNames);
}

package io.antfleet.docker;

import io.antfleet.fleet.Host;
import java.util.List;

/** The hosts whose engines a {@link DockerGateways} may open: the store's host rows. */
@FunctionalInterface
public interface HostDirectory {
    /** Every recorded host (the local one included or not: it is always known). */
    List<Host> hosts();

    /** No host besides the local engine. */
    HostDirectory NONE = List::of;
}

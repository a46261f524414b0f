package io.antfleet.engine.apply;

import io.antfleet.fleet.plan.ObservedFleet;
import io.antfleet.fleet.spec.HostSpec;

/**
 * Observes a fleet's actual state on one host for the planner: the containers labelled {@code antfleet.fleet=<fleet>}
 * (their spec name from {@code antfleet.container}, Docker id and running state), the port block recorded
 * for each, and every node antctl lists in each running container (Removed ones included, as DEAD).
 * Reads only; changes nothing. A container whose nodes cannot be read is reported with the nodes the
 * store last knew, never silently as empty.
 */
public interface FleetObserver {
    /**
     * The fleet as the engine of {@code host} has it; its neighbours are that host's other containers.
     *
     * @throws io.antfleet.docker.EngineUnreachableException when that engine does not answer
     */
    ObservedFleet observe(String fleet, String host);

    /** The fleet on the local engine. */
    default ObservedFleet observe(String fleet) {
        return observe(fleet, HostSpec.LOCAL);
    }
}

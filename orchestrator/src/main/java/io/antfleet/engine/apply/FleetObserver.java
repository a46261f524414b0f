package io.antfleet.engine.apply;

import io.antfleet.fleet.plan.ObservedFleet;

/**
 * Observes a fleet's actual state for the planner: the containers labelled {@code antfleet.fleet=<fleet>}
 * (their spec name from {@code antfleet.container}, Docker id and running state), the port block recorded
 * for each, and every node antctl lists in each running container (Removed ones included, as DEAD).
 * Reads only; changes nothing. A container whose nodes cannot be read is reported with the nodes the
 * store last knew, never silently as empty.
 */
public interface FleetObserver {
    ObservedFleet observe(String fleet);
}

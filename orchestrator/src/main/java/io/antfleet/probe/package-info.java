/**
 * Observation through the agent image: {@code antfleet-probe} (agent-image/src/main/c/probe.c) prints one
 * container's nodes and host figures as one JSON document; {@link io.antfleet.probe.ProbeParser} turns it into
 * readings, refusing bad nodes one by one; {@link io.antfleet.probe.ContainerProbe} is the port callers use.
 */
package io.antfleet.probe;

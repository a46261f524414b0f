package io.antfleet.store;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.PortBlock;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ProcessManager;
import java.time.Instant;

/** A container row as the table has it: the port block flattened to six nullable columns, the host by its name. */
record ContainerRow(
        Long id,
        String dockerId,
        String name,
        String image,
        String status,
        String networkMode,
        ProcessManager processManager,
        Integer nodePortFirst,
        Integer nodePortLast,
        Integer metricsPortFirst,
        Integer metricsPortLast,
        Integer rpcPortFirst,
        Integer rpcPortLast,
        Instant createdAt,
        Instant updatedAt,
        String host) {

    static ContainerRow of(Container c) {
        PortBlock p = c.ports();
        return new ContainerRow(c.id(), c.dockerId(), c.name(), c.image(), c.status(), c.networkMode(), c.processManager(),
                p == null ? null : p.node().first(), p == null ? null : p.node().last(),
                p == null ? null : p.metrics().first(), p == null ? null : p.metrics().last(),
                p == null ? null : p.rpc().first(), p == null ? null : p.rpc().last(),
                c.createdAt(), c.updatedAt(), c.host());
    }

    Container toContainer() {
        PortBlock ports = nodePortFirst == null ? null : new PortBlock(
                new PortRange(nodePortFirst, nodePortLast),
                new PortRange(metricsPortFirst, metricsPortLast),
                new PortRange(rpcPortFirst, rpcPortLast));
        return new Container(id, dockerId, name, image, status, networkMode, processManager, ports, createdAt, updatedAt, host);
    }
}

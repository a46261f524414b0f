package io.antfleet.store;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in NodeMapper.xml. */
interface NodeMapper {
    void insert(@Param("node") Node node, @Param("key") GeneratedId key);

    /** As {@link #insert}, without reading the generated id back (for batches). */
    void insertRow(@Param("node") Node node);

    int update(@Param("node") Node node);

    /** Updates the row with the node's (container, service), keeping its readings and creation time. */
    int updateByKey(@Param("node") Node node);

    Node find(@Param("containerId") Long containerId, @Param("service") ServiceName service);

    Node findById(@Param("id") long id);

    List<Node> findByContainer(@Param("containerId") Long containerId);

    /** The container's node rows without their readings, in service-number order. */
    List<RegistryRow> findRegistryRows(@Param("containerId") Long containerId);

    /** A node row's own columns, without the readings (a flat mapping, no nested result map per row). */
    record RegistryRow(Long id, Long containerId, ServiceName service, NodeStatus status, Integer nodePort,
            Integer metricsPort, Integer rpcPort, String dataDir, String logDir, String binaryPath, String version,
            String peerId, String wallet, Instant createdAt, Instant statusChangedAt) {
        Node node() {
            return new Node(id, containerId, service, status, nodePort, metricsPort, rpcPort, dataDir, logDir, binaryPath,
                    version, peerId, wallet, null, createdAt, statusChangedAt);
        }
    }

    /** The container's nodes that were ever read, with when they were last read. */
    List<NodeReadTime> readTimes(@Param("containerId") Long containerId);

    /** A node's last read time, a row of {@link #readTimes}. */
    record NodeReadTime(Long nodeId, Instant readAt) {
    }

    List<Node> findAll();

    int updateStatus(@Param("id") long id, @Param("status") NodeStatus status, @Param("at") Instant at);

    int updateReadings(@Param("id") long id, @Param("r") NodeReadings readings, @Param("at") Instant at);

    int delete(@Param("id") long id);
}

package io.antfleet.fleet;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One antnode service as antfleet knows it. Identity is (containerId, service): every container
 * has its own antnode1..N series. {@code id} is the store's surrogate key (null before insert);
 * {@code containerId} is null for antctl on the host.
 */
public record Node(
        Long id,
        Long containerId,
        ServiceName service,
        NodeStatus status,
        Integer nodePort,
        Integer metricsPort,
        Integer rpcPort,
        String dataDir,
        String logDir,
        String binaryPath,
        String version,
        String peerId,
        String wallet,
        NodeReadings readings,
        Instant createdAt,
        Instant statusChangedAt) {

    public Node {
        requireNonNull(service, "service is null");
        requireNonNull(status, "status is null");
        readings = readings == null ? NodeReadings.empty() : readings;
    }

    public int number() {
        return service.number();
    }

    public Node withStatus(NodeStatus newStatus, Instant at) {
        return new Node(id, containerId, service, newStatus, nodePort, metricsPort, rpcPort, dataDir, logDir,
                binaryPath, version, peerId, wallet, readings, createdAt, at);
    }

    public Node withId(Long newId) {
        return new Node(newId, containerId, service, status, nodePort, metricsPort, rpcPort, dataDir, logDir,
                binaryPath, version, peerId, wallet, readings, createdAt, statusChangedAt);
    }

    /** The same node running another version (everything else kept). */
    public Node withVersion(String newVersion) {
        return new Node(id, containerId, service, status, nodePort, metricsPort, rpcPort, dataDir, logDir, binaryPath,
                newVersion, peerId, wallet, readings, createdAt, statusChangedAt);
    }

    public Node withReadings(NodeReadings newReadings) {
        return new Node(id, containerId, service, status, nodePort, metricsPort, rpcPort, dataDir, logDir,
                binaryPath, version, peerId, wallet, newReadings, createdAt, statusChangedAt);
    }
}

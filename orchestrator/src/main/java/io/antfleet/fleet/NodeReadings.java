package io.antfleet.fleet;

/**
 * What one sweep read from a node's {@code /metrics} and {@code /metadata} (antctl-contract.md §6,
 * wnm-reference.md "Node readings"). Rewards stay exact decimal text; a field that could not be read
 * is null, never a made-up zero.
 */
public record NodeReadings(
        String peerId,
        String version,
        Long uptimeSeconds,
        Long records,
        Long relevantRecords,
        Long maxRecords,
        Long connectedPeers,
        Long puts,
        String rewards,
        Long paymentCount,
        Long shunned,
        Long badPeers,
        Double memoryMb,
        Double cpuPercent,
        Long openConnections,
        Long routingTablePeers,
        Long liveTime,
        Long estimatedNetworkSize) {

    public static NodeReadings empty() {
        return new NodeReadings(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}

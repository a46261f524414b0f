package io.antfleet.nodemanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.fleet.Node;
import io.antfleet.fleet.NodeReadings;
import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ServiceName;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryRowsTest {
    private static final Instant BEFORE = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    record Entry(ServiceName service, NodeStatus status, String managerStatus, Integer nodePort, Integer metricsPort,
            Integer rpcPort, String dataDir, String logDir, String binaryPath, String version, String peerId,
            String rewardsAddress, String problem) implements RegisteredNode {
    }

    private static Entry entry(NodeStatus status) {
        return new Entry(ServiceName.ofNumber(3), status, status.name(), 55002, 13002, 30002, "/data/antnode3",
                "/logs/antnode3", "/bin/antnode", "0.4.17", "12D3KooW", "0x03B770D9cD32077cC0bF330c13C114a87643B124", null);
    }

    private static Entry refused() {
        return new Entry(ServiceName.ofNumber(3), NodeStatus.UNKNOWN, "Unknown", null, null, null, null, null, null, null,
                null, null, "invalid peer id");
    }

    private static Node stored(NodeStatus status) {
        return new Node(7L, 1L, ServiceName.ofNumber(3), status, 55002, 13002, 30002, null, null, null, "0.4.16", null,
                null, NodeReadings.empty(), BEFORE, BEFORE);
    }

    @Test
    void aNewEntryBecomesARowCreatedAndChangedNow() {
        Node row = RegistryRows.row(1L, entry(NodeStatus.RUNNING), Optional.empty(), NOW);

        assertThat(row.id()).isNull();
        assertThat(row.containerId()).isEqualTo(1L);
        assertThat(row.status()).isEqualTo(NodeStatus.RUNNING);
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.statusChangedAt()).isEqualTo(NOW);
        assertThat(row.binaryPath()).isEqualTo("/bin/antnode");
        assertThat(row.version()).isEqualTo("0.4.17");
        assertThat(row.wallet()).isEqualTo("0x03B770D9cD32077cC0bF330c13C114a87643B124");
    }

    @Test
    void anUnchangedStatusKeepsItsTimeAndTheRowItsIdentity() {
        Node row = RegistryRows.row(1L, entry(NodeStatus.RUNNING), Optional.of(stored(NodeStatus.RUNNING)), NOW);

        assertThat(row.id()).isEqualTo(7L);
        assertThat(row.createdAt()).isEqualTo(BEFORE);
        assertThat(row.statusChangedAt()).isEqualTo(BEFORE);
        assertThat(row.version()).isEqualTo("0.4.17");
    }

    @Test
    void aChangedStatusMovesItsTime() {
        Node row = RegistryRows.row(1L, entry(NodeStatus.STOPPED), Optional.of(stored(NodeStatus.RUNNING)), NOW);

        assertThat(row.status()).isEqualTo(NodeStatus.STOPPED);
        assertThat(row.statusChangedAt()).isEqualTo(NOW);
        assertThat(row.createdAt()).isEqualTo(BEFORE);
    }

    @Test
    void anOperatorsDisabledSurvivesWhateverTheManagerSaysUntilTheNodeIsRemoved() {
        Node running = RegistryRows.row(1L, entry(NodeStatus.RUNNING), Optional.of(stored(NodeStatus.DISABLED)), NOW);
        Node removed = RegistryRows.row(1L, entry(NodeStatus.DEAD), Optional.of(stored(NodeStatus.DISABLED)), NOW);

        assertThat(running.status()).isEqualTo(NodeStatus.DISABLED);
        assertThat(running.statusChangedAt()).isEqualTo(BEFORE);
        assertThat(removed.status()).isEqualTo(NodeStatus.DEAD);
        assertThat(removed.statusChangedAt()).isEqualTo(NOW);
    }

    @Test
    void aViewFollowsTheSameRuleButInventsNoTimes() {
        Node fresh = RegistryRows.view(entry(NodeStatus.RUNNING), Optional.empty());
        Node disabled = RegistryRows.view(entry(NodeStatus.STOPPED), Optional.of(stored(NodeStatus.DISABLED)));

        assertThat(fresh.createdAt()).isNull();
        assertThat(fresh.statusChangedAt()).isNull();
        assertThat(fresh.containerId()).isNull();
        assertThat(disabled.status()).isEqualTo(NodeStatus.DISABLED);
        assertThat(disabled.id()).isEqualTo(7L);
        assertThat(disabled.statusChangedAt()).isEqualTo(BEFORE);
    }

    @Test
    void aRefusedEntryIsUnknownKeepsWhatWasRecordedAndAnOperatorsDisabled() {
        Node kept = RegistryRows.row(1L, refused(), Optional.of(stored(NodeStatus.RUNNING)), NOW);
        Node disabled = RegistryRows.row(1L, refused(), Optional.of(stored(NodeStatus.DISABLED)), NOW);
        Node fresh = RegistryRows.row(1L, refused(), Optional.empty(), NOW);

        assertThat(kept.status()).isEqualTo(NodeStatus.UNKNOWN);
        assertThat(kept.version()).isEqualTo("0.4.16");
        assertThat(kept.statusChangedAt()).isEqualTo(NOW);
        assertThat(disabled).isEqualTo(stored(NodeStatus.DISABLED));
        assertThat(fresh.status()).isEqualTo(NodeStatus.UNKNOWN);
        assertThat(fresh.nodePort()).isNull();
        assertThat(RegistryRows.view(refused(), Optional.of(stored(NodeStatus.RUNNING))).statusChangedAt()).isEqualTo(BEFORE);
    }
}

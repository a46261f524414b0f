package io.antfleet.engine;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.NodeStatus;
import io.antfleet.fleet.ProcessManager;
import java.util.List;

/**
 * What {@code antfleet import} found and recorded, per container; a failed container carries its error. The hosts
 * whose engine did not answer are listed apart (nothing of theirs was imported), and so are the names refused because
 * several hosts have a container of that name ({@code ambiguous}: a usage error, as {@code status} makes it).
 */
public record ImportReport(List<ContainerImport> containers, List<HostProblem> unreachable, List<String> ambiguous) {
    public ImportReport {
        containers = List.copyOf(containers);
        unreachable = List.copyOf(unreachable);
        ambiguous = List.copyOf(ambiguous);
    }

    public ImportReport(List<ContainerImport> containers, List<HostProblem> unreachable) {
        this(containers, unreachable, List.of());
    }

    public ImportReport(List<ContainerImport> containers) {
        this(containers, List.of());
    }

    public boolean allSucceeded() {
        return unreachable.isEmpty() && containers.stream().allMatch(c -> c.error() == null);
    }

    /**
     * One container's import. {@code nodes} are the registry entries as recorded; {@code markedDead} are
     * services the database had that antctl no longer lists (e.g. after a reset by hand); {@code versionNotes}
     * name the nodes whose version moved without antfleet (recorded as SELF_UPGRADE, not undone). {@code host} is
     * the engine it runs on.
     */
    public record ContainerImport(String name, String dockerId, ProcessManager processManager, Long containerId,
            List<ImportedNode> nodes, List<String> markedDead, List<String> versionNotes, String error, String host) {
        public ContainerImport {
            requireNonNull(name, "name is null");
            nodes = List.copyOf(nodes);
            markedDead = List.copyOf(markedDead);
            versionNotes = List.copyOf(versionNotes);
            requireNonNull(host, "host is null");
        }

        static ContainerImport failed(String name, String dockerId, ProcessManager mode, String error, String host) {
            return new ContainerImport(name, dockerId, mode, null, List.of(), List.of(), List.of(), error, host);
        }
    }

    /**
     * One node row as written: antctl's own status word beside antfleet's. {@code problem} says why the
     * entry's values were refused (the row is then UNKNOWN and keeps what was recorded before); else null.
     */
    public record ImportedNode(String service, int number, NodeStatus status, String antctlStatus, Integer nodePort,
            Integer metricsPort, Integer rpcPort, String peerId, String version, String problem) {
        public ImportedNode {
            requireNonNull(service, "service is null");
            requireNonNull(status, "status is null");
        }
    }
}

package io.antfleet.antctl;

import io.antfleet.fleet.NodeValues;
import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry entries an {@code antctl add} made, from what it printed, without a {@code status --json}: the
 * ✓ names and their detail lines (path, data and log dirs, rpc address: add_services/mod.rs:304-308), the
 * request (node and metrics ports, which antctl gives the new nodes in order from the ranges; the wallet, which
 * status shows in lower case) and the version from the download line (helpers.rs:255) or the request. Such an
 * entry is Added and has no pid, peer id, user or connected peers yet (status would show none either before a
 * start, but for the user, which antfleet does not record).
 */
final class AddedEntries {
    private static final Pattern DOWNLOADING = Pattern.compile("^Downloading antnode version (\\S+)\\.\\.\\.$");

    private AddedEntries() {
    }

    /**
     * The entries, when the output tells everything and proves that the registry held exactly {@code known}
     * entries before (antctl numbers entries + 1 and never reuses a number: the new names are
     * antnode{known+1..}); empty when it does not (a binary by path, whose version add does not print; a
     * registry that held more; a value that is not one), and the caller reads status.
     */
    static Optional<List<AntctlNode>> of(AddRequest request, AddOutput output, int known) {
        String version = version(request, output);
        if (version == null || request.nodePorts() == null || output.details().size() != request.count()
                || NodeValues.versionProblem(version) != null) {
            return Optional.empty();
        }
        List<AntctlNode> entries = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            AddOutput.Details d = output.details().get(i);
            Integer rpc = port(d.rpcSocketAddr());
            if (!d.service().equals(ServiceName.of("antnode" + (known + i + 1))) || rpc == null || !path(d.antnodePath())
                    || !path(d.dataDir()) || !path(d.logDir())) {
                return Optional.empty();
            }
            entries.add(new AntctlNode(d.service(), "Added", nth(request.nodePorts(), i), nth(request.metricsPorts(), i),
                    rpc, d.rpcSocketAddr(), d.dataDir(), d.logDir(), d.antnodePath(), version, null, null,
                    request.rewardsAddress().value().toLowerCase(Locale.ROOT), null, false, null, null));
        }
        return Optional.of(entries);
    }

    /** The entry as it is once started: Running, with the node's peer id (its pid is status's to tell). */
    static AntctlNode running(AntctlNode n, String peerId) {
        return new AntctlNode(n.service(), "Running", n.nodePort(), n.metricsPort(), n.rpcPort(), n.rpcSocketAddr(),
                n.dataDir(), n.logDir(), n.antnodePath(), n.version(), peerId, n.pid(), n.rewardsAddress(), n.user(),
                n.userMode(), n.connectedPeers(), n.problem());
    }

    private static String version(AddRequest request, AddOutput output) {
        if (request.binaryPath() != null) {
            return null;
        }
        if (request.version() != null) {
            return request.version();
        }
        for (String line : output.downloadLines()) {
            Matcher m = DOWNLOADING.matcher(line);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static Integer nth(PortRange range, int i) {
        return range == null ? null : range.first() + i;
    }

    private static Integer port(String socketAddr) {
        int colon = socketAddr == null ? -1 : socketAddr.lastIndexOf(':');
        try {
            int port = colon < 0 ? 0 : Integer.parseInt(socketAddr.substring(colon + 1));
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** As status's parser takes a path: bounded, no control characters. */
    private static boolean path(String p) {
        return p != null && p.length() <= StatusJsonParser.MAX_PATH && p.chars().noneMatch(Character::isISOControl);
    }
}

package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.PortRange;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.spec.EvmNetwork;
import java.util.List;

/**
 * One {@code antctl add} of {@code count} nodes. Optional fields are null. Port ranges follow antctl's
 * rule: a single port needs count 1, a range needs exactly count ports. Paths are prefixes inside the
 * container: node N gets {@code <dataDir>/antnodeN}. {@code extraArgs} (wnm's start_args) pass through
 * before the network subcommand, so a new antctl flag needs no code change.
 */
public record AddRequest(
        int count,
        String dataDir,
        String logDir,
        String binaryPath,
        String version,
        PortRange nodePorts,
        PortRange metricsPorts,
        PortRange rpcPorts,
        boolean noUpnp,
        WalletAddress rewardsAddress,
        List<EnvVar> env,
        List<String> extraArgs,
        EvmNetwork network) {

    /** The port's request in antctl's terms: no data or log dir prefix, environment or extra arguments. */
    public static AddRequest of(io.antfleet.nodemanager.AddNodesRequest r) {
        return new AddRequest(r.count(), null, null, r.binaryPath(), r.version(), r.nodePorts(), r.metricsPorts(),
                r.rpcPorts(), r.noUpnp(), r.rewardsAddress(), List.of(), List.of(), r.network());
    }

    public AddRequest {
        if (count < 1 || count > 65535) {
            throw new IllegalArgumentException("invalid node count " + count + " (expected 1..65535)");
        }
        requireNonNull(rewardsAddress, "rewardsAddress is null (antctl add requires --rewards-address)");
        requireNonNull(network, "network is null (antctl add requires an EVM network subcommand)");
        if (network instanceof EvmNetwork.Custom) {
            Arguments.url("EVM rpc url", ((EvmNetwork.Custom) network).rpcUrl());
        }
        if (dataDir != null) {
            Arguments.absolutePath("data dir", dataDir);
        }
        if (logDir != null) {
            Arguments.absolutePath("log dir", logDir);
        }
        Requests.binaryOrVersion(binaryPath, version, "a version to download (%s)");
        checkPorts("node", nodePorts, count);
        checkPorts("metrics", metricsPorts, count);
        checkPorts("rpc", rpcPorts, count);
        env = List.copyOf(env == null ? List.of() : env);
        extraArgs = List.copyOf(extraArgs == null ? List.of() : extraArgs);
        extraArgs.forEach(a -> Arguments.token("extra antctl argument", a));
    }

    private static void checkPorts(String kind, PortRange ports, int count) {
        if (ports != null && ports.size() != count) {
            throw new IllegalArgumentException("the " + kind + " port range " + ports + " holds " + ports.size()
                    + " port(s) but " + count + " node(s) are to be added (antctl needs one port per node)");
        }
    }

    /** A minimal request: count nodes for the wallet on the network, everything else antctl's default. */
    public static AddRequest of(int count, WalletAddress rewardsAddress, EvmNetwork network) {
        return new AddRequest(count, null, null, null, null, null, null, null, false, rewardsAddress, List.of(),
                List.of(), network);
    }
}

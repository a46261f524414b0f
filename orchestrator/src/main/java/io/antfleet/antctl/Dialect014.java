package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.spec.EvmNetwork;
import io.antfleet.nodemanager.UpgradeSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** antctl 0.14.x (antctl-contract.md). Global flags go before the subcommand; the EVM network goes last. */
public final class Dialect014 implements AntctlDialect {
    private final StatusJsonParser statusParser = new StatusJsonParser();
    private final AddOutputParser addParser = new AddOutputParser();
    private final UpgradeSummaryParser upgradeParser = new UpgradeSummaryParser();
    private final FailureLineParser failureParser = new FailureLineParser();

    @Override
    public String name() {
        return "antctl 0.14";
    }

    @Override
    public List<String> statusJson() {
        return List.of("status", "--json");
    }

    @Override
    public List<String> add(AddRequest r) {
        List<String> args = new ArrayList<>(List.of("add", "--count", Integer.toString(r.count())));
        option(args, "--data-dir-path", r.dataDir());
        option(args, "--log-dir-path", r.logDir());
        option(args, "--path", r.binaryPath());
        option(args, "--version", r.version());
        option(args, "--node-port", r.nodePorts());
        option(args, "--metrics-port", r.metricsPorts());
        option(args, "--rpc-port", r.rpcPorts());
        if (r.noUpnp()) {
            args.add("--no-upnp");
        }
        option(args, "--rewards-address", r.rewardsAddress().value());
        r.env().forEach(e -> option(args, "--env", e.toString()));
        args.addAll(r.extraArgs());
        args.addAll(network(r.network()));
        return args;
    }

    @Override
    public List<String> start(StartRequest r) {
        List<String> args = new ArrayList<>(List.of("start"));
        interval(args, r.interval(), r.connectionTimeout());
        services(args, r.services());
        return args;
    }

    @Override
    public List<String> stop(StopRequest r) {
        List<String> args = new ArrayList<>(List.of("stop"));
        option(args, "--interval", millis(r.interval()));
        services(args, r.services());
        return args;
    }

    @Override
    public List<String> remove(RemoveRequest r) {
        List<String> args = new ArrayList<>(List.of("remove"));
        if (r.keepDirectories()) {
            args.add("--keep-directories");
        }
        services(args, r.services());
        return args;
    }

    @Override
    public List<String> resetForce() {
        return List.of("reset", "--force");
    }

    @Override
    public List<String> upgrade(UpgradeRequest r) {
        List<String> args = new ArrayList<>(List.of("upgrade"));
        option(args, "--path", r.binaryPath());
        option(args, "--version", r.version());
        if (r.force()) {
            args.add("--force");
        }
        if (r.doNotStart()) {
            args.add("--do-not-start");
        }
        interval(args, r.interval(), r.connectionTimeout());
        r.env().forEach(e -> option(args, "--env", e.toString()));
        services(args, r.services());
        return args;
    }

    @Override
    public List<AntctlNode> parseStatus(String stdout) {
        return statusParser.parse(stdout);
    }

    @Override
    public AddOutput parseAdd(String stdout, boolean succeeded) {
        return addParser.parse(stdout, succeeded);
    }

    @Override
    public UpgradeSummary parseUpgrade(String stdout) {
        return upgradeParser.parse(stdout);
    }

    @Override
    public List<NodeFailure> parseFailures(String output) {
        return failureParser.parse(output);
    }

    /**
     * {@code --interval} conflicts with {@code --connection-timeout} on start and upgrade (bin/cli/main.rs:331,
     * 339, 408, 437: a usage error). With an interval antctl does not wait for peers, so the timeout is moot.
     */
    private static void interval(List<String> args, Duration interval, Duration connectionTimeout) {
        if (interval != null) {
            option(args, "--interval", millis(interval));
        } else {
            option(args, "--connection-timeout", seconds(connectionTimeout));
        }
    }

    private static void services(List<String> args, List<ServiceName> services) {
        services.forEach(s -> option(args, "--service-name", s.value()));
    }

    private static void option(List<String> args, String flag, Object value) {
        if (value != null) {
            args.add(flag);
            args.add(value.toString());
        }
    }

    private static String millis(Duration d) {
        return d == null ? null : Long.toString(d.toMillis());
    }

    private static String seconds(Duration d) {
        return d == null ? null : Long.toString(Math.max(1, d.toSeconds()));
    }

    /** The EVM network subcommand group; antctl requires it last. */
    static List<String> network(EvmNetwork network) {
        if (network instanceof EvmNetwork.Custom) {
            EvmNetwork.Custom c = (EvmNetwork.Custom) network;
            List<String> args = new ArrayList<>(List.of("evm-custom", "--rpc-url", c.rpcUrl(),
                    "--payment-token-address", c.paymentTokenAddress().value(),
                    "--data-payments-address", c.dataPaymentsAddress().value()));
            c.merklePaymentsAddress().ifPresent(a -> args.addAll(List.of("--merkle-payments-address", a.value())));
            return args;
        }
        return List.of(((EvmNetwork.Named) network).network().subcommand());
    }
}

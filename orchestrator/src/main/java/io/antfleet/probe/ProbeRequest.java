package io.antfleet.probe;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a probe run reads besides the container's ant nodes: legacy antnode nodes by service and metrics port
 * (read at the container's 127.0.0.1, which for a remote host is not the orchestrator's), the metric names whose
 * sample lines should come back ({@code keep}), and the directory whose volume the disk figures describe.
 */
public record ProbeRequest(List<AntnodePort> antnodes, List<String> keep, Optional<String> diskPath) {
    public static final ProbeRequest NONE = new ProbeRequest(List.of(), List.of(), Optional.empty());
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]{0,127}");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9_-]{0,30}");
    private static final Pattern DIR = Pattern.compile("/[A-Za-z0-9._/-]{0,1000}");

    /** A legacy node: antctl's service name and the metrics port its antnode listens on at 127.0.0.1. */
    public record AntnodePort(String service, int metricsPort) {
        public AntnodePort {
            requireNonNull(service, "service is null");
            if (!SERVICE.matcher(service).matches()) {
                throw new IllegalArgumentException("service '" + service + "' is not a name the probe accepts");
            }
            if (metricsPort < 1 || metricsPort > 65535) {
                throw new IllegalArgumentException("metrics port " + metricsPort + " of " + service + " is not 1-65535");
            }
        }
    }

    public ProbeRequest {
        antnodes = List.copyOf(antnodes);
        keep = List.copyOf(keep);
        requireNonNull(diskPath, "diskPath is null");
        keep.forEach(name -> {
            if (!METRIC.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a metric name");
            }
        });
        if (!antnodes.isEmpty() && keep.isEmpty()) {
            throw new IllegalArgumentException("legacy nodes to read need the metric names to keep");
        }
        diskPath.ifPresent(d -> {
            if (!DIR.matcher(d).matches() || d.contains("..")) {
                throw new IllegalArgumentException("disk path '" + d + "' is not a plain absolute path");
            }
        });
    }

    /** The probe's arguments for this request (an argument list, never a shell string). */
    List<String> arguments() {
        List<String> args = new java.util.ArrayList<>();
        diskPath.ifPresent(d -> args.addAll(List.of("--disk-path", d)));
        if (!antnodes.isEmpty()) {
            args.add("--antnodes");
            args.add(String.join(",", antnodes.stream().map(a -> a.service() + ":" + a.metricsPort()).toList()));
            args.add("--keep");
            args.add(String.join(",", keep));
        }
        return args;
    }
}

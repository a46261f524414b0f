package io.antfleet.antctl;

import static java.util.Objects.requireNonNull;

import io.antfleet.docker.ExecResult;
import io.antfleet.nodemanager.PerImage;
import io.antfleet.nodemanager.UpgradeSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The typed antctl client for one place antctl runs. The dialect is chosen from {@code antctl --version}
 * on first use. Every call is bounded; a non-zero exit becomes an {@link AntctlException} with the
 * command, exit code, stderr excerpt and per-node ✕ lines; unreadable output likewise.
 */
public final class AntctlClient {
    private final AntctlRunner runner;
    private final AntctlSettings settings;
    private final Consumer<String> warn;
    private final PerImage<AntctlDialect> dialects;
    private volatile AntctlDialect dialect;

    public AntctlClient(AntctlRunner runner, AntctlSettings settings, Consumer<String> warn) {
        this(runner, settings, warn, new PerImage<>());
    }

    /** With the dialects other clients chose for their images ({@code dialects}), shared. */
    public AntctlClient(AntctlRunner runner, AntctlSettings settings, Consumer<String> warn, PerImage<AntctlDialect> dialects) {
        this.runner = requireNonNull(runner, "runner is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.warn = requireNonNull(warn, "warn is null");
        this.dialects = requireNonNull(dialects, "dialects is null");
    }

    public String target() {
        return runner.target();
    }

    public AntctlVersion version() {
        List<String> args = List.of("--version");
        ExecResult r = checked(args, runner.run(args, settings.timeouts().version()), AntctlClient::noFailures);
        return parsed(args, r, VersionParser::parse);
    }

    /** Chosen on first use: from the image's dialect where another client already asked, else from {@code --version}. */
    public synchronized AntctlDialect dialect() {
        if (dialect == null) {
            Optional<String> image = imageId();
            dialect = image.isPresent() ? dialects.get(image.get(), this::ownDialect) : ownDialect();
        }
        return dialect;
    }

    private AntctlDialect ownDialect() {
        return Dialects.choose(version(), settings.unknownVersion(), target(), warn);
    }

    /** The runner's image; where Docker cannot say, this client asks antctl itself (which reports what is wrong). */
    private Optional<String> imageId() {
        try {
            return runner.imageId();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public List<AntctlNode> status() {
        AntctlDialect d = dialect();
        List<String> args = d.statusJson();
        ExecResult r = checked(args, runner.run(args, settings.timeouts().status()), d::parseFailures);
        return parsed(args, r, d::parseStatus);
    }

    /** Runs add; on a non-zero exit raises with the ✕ lines of the failed nodes. */
    public AddOutput add(AddRequest request) {
        AntctlDialect d = dialect();
        List<String> args = d.add(request);
        ExecResult r = runner.run(args, settings.timeouts().add(request.count()));
        checked(args, r, out -> d.parseAdd(out, false).failures());
        return parsed(args, r, out -> d.parseAdd(out, true));
    }

    public void start(StartRequest request) {
        AntctlDialect d = dialect();
        List<String> args = d.start(request);
        checked(args, runner.run(args, settings.timeouts().start(request)), d::parseFailures);
    }

    public void stop(StopRequest request) {
        AntctlDialect d = dialect();
        List<String> args = d.stop(request);
        checked(args, runner.run(args, settings.timeouts().stop(request.services().size())), d::parseFailures);
    }

    public void remove(RemoveRequest request) {
        AntctlDialect d = dialect();
        List<String> args = d.remove(request);
        checked(args, runner.run(args, settings.timeouts().remove(request.services().size())), d::parseFailures);
    }

    public void resetForce() {
        AntctlDialect d = dialect();
        List<String> args = d.resetForce();
        checked(args, runner.run(args, settings.timeouts().reset()), d::parseFailures);
    }

    /**
     * Runs upgrade. A ✕ line makes antctl exit 1: when its summary names the failed nodes, the summary is
     * returned (its {@link UpgradeSummary#failed()} says which, and how); any other failure is raised.
     */
    public UpgradeSummary upgrade(UpgradeRequest request) {
        AntctlDialect d = dialect();
        List<String> args = d.upgrade(request);
        ExecResult r = runner.run(args, settings.timeouts().upgrade(request));
        if (r.exitCode() == 1) {
            try {
                UpgradeSummary summary = d.parseUpgrade(r.stdout());
                if (!summary.failed().isEmpty()) {
                    return summary;
                }
            } catch (AntctlOutputException e) {
                // no summary: raised below like any other failure
            }
        }
        checked(args, r, out -> {
            try {
                return d.parseUpgrade(out).failed().stream()
                        .map(o -> new NodeFailure(o.service().value(), o.message())).toList();
            } catch (AntctlOutputException e) {
                return d.parseFailures(out);
            }
        });
        return parsed(args, r, d::parseUpgrade);
    }

    /** The version a node binary reports ({@code Autonomi Node v0.4.17}: the token after the first v). */
    public String binaryVersion(String binaryPath) {
        List<String> command = List.of(Arguments.absolutePath("antnode binary path", binaryPath), "--version");
        ExecResult r = runner.runBeside(command, settings.timeouts().version());
        String first = Ansi.lines(r.stdout()).stream().findFirst().orElse("");
        int v = first.indexOf('v');
        if (r.exitCode() != 0 || v < 0) {
            throw new AntctlException("cannot read the version of " + binaryPath + " from '" + first.strip() + "'",
                    target(), command, r.exitCode(), r.stderr(), List.of());
        }
        return first.substring(v + 1).strip().split("\\s+")[0];
    }

    /** Kills a node's process where antctl runs (a node whose RPC no longer answers blocks every antctl call). */
    public void kill(long pid) {
        List<String> command = List.of("kill", "-9", Long.toString(pid));
        ExecResult r = runner.runBeside(command, settings.timeouts().version());
        if (r.exitCode() != 0) {
            throw new AntctlException("cannot kill pid " + pid + firstError(r.stderr()), target(), command,
                    r.exitCode(), r.stderr(), List.of());
        }
    }

    Duration timeoutFor(StartRequest request) {
        return settings.timeouts().start(request);
    }

    private ExecResult checked(List<String> args, ExecResult r, Function<String, List<NodeFailure>> failures) {
        if (r.exitCode() != 0) {
            String verb = args.isEmpty() ? "" : args.get(0);
            throw new AntctlException("antctl " + verb + " failed" + firstError(r.stderr()), target(), shown(args),
                    r.exitCode(), r.stderr(), failures.apply(r.stdout()));
        }
        return r;
    }

    private <T> T parsed(List<String> args, ExecResult r, Function<String, T> parser) {
        try {
            return parser.apply(r.stdout());
        } catch (AntctlOutputException e) {
            throw new AntctlException("cannot read the output of antctl " + args.get(0) + ": " + e.getMessage(),
                    target(), shown(args), r.exitCode(), r.stderr(), List.of());
        }
    }

    /** antctl's runtime errors read {@code Error:} then {@code    0: <message>}; clap's read {@code error: ...}. */
    static String firstError(String stderr) {
        for (String line : Ansi.lines(stderr)) {
            String t = line.strip();
            if (t.startsWith("0: ")) {
                return ": " + t.substring(3);
            }
            if (t.startsWith("error: ")) {
                return ": " + t.substring(7);
            }
        }
        return "";
    }

    private static List<NodeFailure> noFailures(String stdout) {
        return List.of();
    }

    private static List<String> shown(List<String> args) {
        List<String> shown = new ArrayList<>();
        shown.add("antctl");
        shown.addAll(args);
        return shown;
    }
}

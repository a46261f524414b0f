package io.antfleet.cli.render;

import static java.util.Objects.requireNonNull;

import io.antfleet.engine.apply.ApplyProgress;
import io.antfleet.fleet.ServiceName;
import io.antfleet.fleet.plan.PlanStep;
import io.antfleet.fleet.plan.Plan;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Apply's progress on stderr (never stdout, so {@code --output json} stays clean). On a terminal one line
 * is redrawn in place: an overall bar and each container's done/total ({@code ✗} once it failed);
 * otherwise each step is a plain log line, which suits CI logs and pipes.
 */
public final class ApplyProgressPrinter implements ApplyProgress, AutoCloseable {
    private static final int BAR = 20;
    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, int[]> containers = new LinkedHashMap<>();
    private Map<String, String> hosts = Map.of();
    private int total;
    private int done;
    private boolean drawn;

    public ApplyProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
    }

    @Override
    public synchronized void hosts(Map<String, String> hostOfContainer) {
        hosts = Map.copyOf(hostOfContainer);
    }

    @Override
    public synchronized void planned(Plan plan) {
        plan.actions().forEach(a -> containers.computeIfAbsent(name(a), k -> new int[3])[1]++);
        total = plan.actions().size();
        if (total > 0 && !terminal) {
            log("apply: " + total + " step(s) in " + containers.size() + " container(s)");
        }
        redraw();
    }

    @Override
    public synchronized void started(PlanStep action) {
        if (!terminal) {
            log("apply: " + name(action) + ": " + describe(action) + " ...");
        }
    }

    @Override
    public synchronized void finished(PlanStep action, boolean ok) {
        int[] c = containers.computeIfAbsent(name(action), k -> new int[3]);
        if (ok) {
            c[0]++;
            done++;
        } else {
            c[2] = 1;
        }
        if (!terminal) {
            log("apply: " + name(action) + ": " + describe(action) + (ok ? " done" : " FAILED") + " (" + done + "/" + total + ")");
        }
        redraw();
    }

    /** Ends the redrawn line so whatever is printed next starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    /** The terminal line for the current counts (public for tests; no terminal needed to compute it). */
    public synchronized String line() {
        int filled = total == 0 ? BAR : done * BAR / total;
        StringBuilder s = new StringBuilder("[").append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                .append(done).append('/').append(total);
        containers.forEach((name, c) -> s.append("  ").append(name).append(' ').append(c[0]).append('/').append(c[1])
                .append(c[2] == 1 ? " ✗" : c[0] == c[1] ? " ✓" : ""));
        return s.toString();
    }

    private void redraw() {
        if (!terminal || total == 0) {
            return;
        }
        err.print("\r" + line() + "\u001b[K");
        err.flush();
        drawn = true;
    }

    private void log(String message) {
        err.println(message);
        err.flush();
    }

    /** The container as the lines name it: with its host when that is not the local engine. */
    private String name(PlanStep action) {
        return PlanRenderer.where(action.container(), hosts);
    }

    private static String describe(PlanStep action) {
        return action.type() + (action.services().isEmpty() ? ""
                : " " + action.services().stream().map(ServiceName::value).collect(Collectors.joining(",")));
    }
}

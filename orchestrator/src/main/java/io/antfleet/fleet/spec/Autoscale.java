package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The autoscale rules {@code antfleet run} applies (wnm's, see wnm-reference.md). Nodes are added only
 * while every resource is under its {@code add} level and removed or stopped when any is over its
 * {@code remove} level; between the two nothing happens. Defaults are wnm's.
 */
public record Autoscale(int nodeCap, Threshold cpu, Threshold mem, Threshold disk, Load load,
        MaxConcurrent maxConcurrent, Delays delays) {

    public static final Autoscale DEFAULTS = new Autoscale(20, new Threshold(50, 70), new Threshold(60, 75),
            new Threshold(75, 90), Load.DEFAULTS, new MaxConcurrent(1, 1, 1, 1), Delays.DEFAULTS);

    public Autoscale {
        if (nodeCap < 0) {
            throw new IllegalArgumentException("node cap " + nodeCap + " is negative");
        }
        requireNonNull(cpu, "cpu is null");
        requireNonNull(mem, "mem is null");
        requireNonNull(disk, "disk is null");
        requireNonNull(load, "load is null");
        requireNonNull(maxConcurrent, "maxConcurrent is null");
        requireNonNull(delays, "delays is null");
    }

    /** Percentages: add while under {@code add}, remove when over {@code remove}; add &lt; remove. */
    public record Threshold(int add, int remove) {
        public Threshold {
            if (add < 0 || remove > 100 || add >= remove) {
                throw new IllegalArgumentException("invalid threshold add " + add + " / remove " + remove
                        + " (need 0 <= add < remove <= 100)");
            }
        }
    }

    /**
     * Load averages: add while 1, 5 and 15 minute loads are all under {@code desired}, remove when any
     * is over {@code max}. Empty means wnm's defaults, which depend on the host: cores × 0.6 and cores.
     */
    public record Load(OptionalDouble desired, OptionalDouble max) {
        public static final Load DEFAULTS = new Load(OptionalDouble.empty(), OptionalDouble.empty());

        public Load {
            requireNonNull(desired, "desired is null");
            requireNonNull(max, "max is null");
            if (desired.isPresent() && !(desired.getAsDouble() > 0)
                    || max.isPresent() && !(max.getAsDouble() > 0)) {
                throw new IllegalArgumentException("load averages must be positive");
            }
        }

        public double desiredFor(int cores) {
            return desired.orElse(cores * 0.6);
        }

        public double maxFor(int cores) {
            return max.orElse(cores);
        }
    }

    /** How many of each operation may be in flight at once; all at least 1. */
    public record MaxConcurrent(int starts, int upgrades, int removals, int operations) {
        public MaxConcurrent {
            if (starts < 1 || upgrades < 1 || removals < 1 || operations < 1) {
                throw new IllegalArgumentException("concurrency limits must be at least 1");
            }
        }
    }

    /** wnm's cooldowns after each kind of action. */
    public record Delays(Duration start, Duration upgrade, Duration remove, Duration restart) {
        public static final Delays DEFAULTS = new Delays(Duration.ofSeconds(300), Duration.ofSeconds(300),
                Duration.ofSeconds(300), Duration.ofSeconds(600));

        public Delays {
            for (Duration d : new Duration[] {start, upgrade, remove, restart}) {
                requireNonNull(d, "delay is null");
                if (d.isNegative()) {
                    throw new IllegalArgumentException("delay " + d + " is negative");
                }
            }
        }
    }
}

package io.antfleet.fleet.decide;

import static java.util.Objects.requireNonNull;

/**
 * Everything the engine is told: the global {@code node_cap}, the resource levels, delays, concurrency
 * limits, the removal strategy, and the antnode version nodes should run (null: no upgrades).
 */
public record AutoscaleSettings(
        int nodeCap,
        ResourceLevels levels,
        Delays delays,
        ConcurrencyLimits concurrency,
        RemovalStrategy removalStrategy,
        String targetVersion) {

    public AutoscaleSettings {
        if (nodeCap < 0) {
            throw new IllegalArgumentException("node_cap must be >= 0, got " + nodeCap);
        }
        requireNonNull(levels, "levels is null");
        requireNonNull(delays, "delays is null");
        requireNonNull(concurrency, "concurrency is null");
        requireNonNull(removalStrategy, "removalStrategy is null");
        if (targetVersion != null && !Versions.isVersion(targetVersion)) {
            throw new IllegalArgumentException("target antnode version '" + targetVersion + "' is not a version like 0.4.17");
        }
    }

    /** wnm's defaults for a host with {@code cores} cores: cap 20, no target version. */
    public static AutoscaleSettings defaults(int cores) {
        return new AutoscaleSettings(20, ResourceLevels.defaults(cores), Delays.defaults(), ConcurrencyLimits.ones(),
                RemovalStrategy.YOUNGEST, null);
    }

    public AutoscaleSettings withNodeCap(int cap) {
        return new AutoscaleSettings(cap, levels, delays, concurrency, removalStrategy, targetVersion);
    }

    public AutoscaleSettings withLevels(ResourceLevels newLevels) {
        return new AutoscaleSettings(nodeCap, newLevels, delays, concurrency, removalStrategy, targetVersion);
    }

    public AutoscaleSettings withDelays(Delays newDelays) {
        return new AutoscaleSettings(nodeCap, levels, newDelays, concurrency, removalStrategy, targetVersion);
    }

    public AutoscaleSettings withConcurrency(ConcurrencyLimits limits) {
        return new AutoscaleSettings(nodeCap, levels, delays, limits, removalStrategy, targetVersion);
    }

    public AutoscaleSettings withRemovalStrategy(RemovalStrategy strategy) {
        return new AutoscaleSettings(nodeCap, levels, delays, concurrency, strategy, targetVersion);
    }

    public AutoscaleSettings withTargetVersion(String version) {
        return new AutoscaleSettings(nodeCap, levels, delays, concurrency, removalStrategy, version);
    }
}

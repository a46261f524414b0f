package io.antfleet.fleet.decide;

/**
 * wnm's {@code max_concurrent_upgrades, max_concurrent_starts, max_concurrent_removals} (removals cover
 * stops) and {@code max_concurrent_operations}, the overall bound that nodes already in transition
 * (upgrading, restarting, removing) count against.
 */
public record ConcurrencyLimits(int upgrades, int starts, int removals, int operations) {
    public ConcurrencyLimits {
        if (upgrades < 1 || starts < 1 || removals < 1 || operations < 1) {
            throw new IllegalArgumentException("concurrency limits must be >= 1, got upgrades " + upgrades
                    + ", starts " + starts + ", removals " + removals + ", operations " + operations);
        }
    }

    public static ConcurrencyLimits ones() {
        return new ConcurrencyLimits(1, 1, 1, 1);
    }
}

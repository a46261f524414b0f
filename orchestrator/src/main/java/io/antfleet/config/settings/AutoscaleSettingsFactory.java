package io.antfleet.config.settings;

import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.ConcurrencyLimits;
import io.antfleet.fleet.decide.Delays;
import io.antfleet.fleet.decide.RemovalStrategy;
import io.antfleet.fleet.decide.ResourceLevels;
import io.antfleet.fleet.spec.Autoscale;

/**
 * Builds the decision engine's settings from resolved global settings, or from a spec's
 * {@code autoscale} section. Load levels left unset follow wnm: cores × 0.6 and cores.
 */
public final class AutoscaleSettingsFactory {
    private AutoscaleSettingsFactory() {
    }

    public static AutoscaleSettings fromSettings(Settings s, int cores) {
        double desired = s.get(Setting.LOAD_DESIRED, Double.class).orElse(cores * 0.6);
        double max = s.get(Setting.LOAD_MAX, Double.class).orElse((double) cores);
        ResourceLevels levels = new ResourceLevels(s.integer(Setting.CPU_ADD), s.integer(Setting.CPU_REMOVE),
                s.integer(Setting.MEM_ADD), s.integer(Setting.MEM_REMOVE), s.integer(Setting.DISK_ADD),
                s.integer(Setting.DISK_REMOVE), desired, max,
                s.bytesPerSecond(Setting.DISK_READ_ADD), s.bytesPerSecond(Setting.DISK_READ_REMOVE),
                s.bytesPerSecond(Setting.DISK_WRITE_ADD), s.bytesPerSecond(Setting.DISK_WRITE_REMOVE),
                s.bytesPerSecond(Setting.NET_READ_ADD), s.bytesPerSecond(Setting.NET_READ_REMOVE),
                s.bytesPerSecond(Setting.NET_WRITE_ADD), s.bytesPerSecond(Setting.NET_WRITE_REMOVE));
        Delays delays = new Delays(s.duration(Setting.DELAY_START), s.duration(Setting.DELAY_UPGRADE),
                s.duration(Setting.DELAY_REMOVE), s.duration(Setting.DELAY_RESTART));
        ConcurrencyLimits limits = new ConcurrencyLimits(s.integer(Setting.MAX_CONCURRENT_UPGRADES),
                s.integer(Setting.MAX_CONCURRENT_STARTS), s.integer(Setting.MAX_CONCURRENT_REMOVALS),
                s.integer(Setting.MAX_CONCURRENT_OPERATIONS));
        RemovalStrategy strategy = RemovalStrategy.fromLabel(s.get(Setting.REMOVAL_STRATEGY, String.class).orElse("youngest"));
        return new AutoscaleSettings(s.integer(Setting.NODE_CAP), levels, delays, limits, strategy, null);
    }

    /** A spec's section; the I/O levels (not in the spec) stay off. */
    public static AutoscaleSettings fromSpec(Autoscale a, int cores) {
        ResourceLevels levels = new ResourceLevels(a.cpu().add(), a.cpu().remove(), a.mem().add(), a.mem().remove(),
                a.disk().add(), a.disk().remove(), a.load().desiredFor(cores), a.load().maxFor(cores),
                0, 0, 0, 0, 0, 0, 0, 0);
        Delays delays = new Delays(a.delays().start(), a.delays().upgrade(), a.delays().remove(), a.delays().restart());
        ConcurrencyLimits limits = new ConcurrencyLimits(a.maxConcurrent().upgrades(), a.maxConcurrent().starts(),
                a.maxConcurrent().removals(), a.maxConcurrent().operations());
        return new AutoscaleSettings(a.nodeCap(), levels, delays, limits, RemovalStrategy.YOUNGEST, null);
    }
}

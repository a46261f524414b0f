package io.antfleet.config.settings;

import io.antfleet.config.spec.SpecDefaults;
import io.antfleet.fleet.decide.AutoscaleSettings;
import io.antfleet.fleet.decide.ConcurrencyLimits;
import io.antfleet.fleet.decide.Delays;
import io.antfleet.fleet.decide.RemovalStrategy;
import io.antfleet.fleet.decide.ResourceLevels;
import io.antfleet.fleet.spec.Autoscale;
import io.antfleet.fleet.spec.PortPlan;
import java.util.OptionalDouble;

/**
 * Where global settings meet the fleet spec. The spec is the most specific source: the settings that
 * have a spec key (node-cap, the cpu/mem/disk/load levels, delays, concurrency limits, port bases) are
 * only the defaults for the keys a spec leaves out ({@link #specDefaults}); those without one (the I/O
 * levels, removal-strategy) apply to every run ({@link #fromSpec(Autoscale, int, Settings)}).
 */
public final class AutoscaleSettingsFactory {
    private AutoscaleSettingsFactory() {
    }

    /** What a spec's {@code autoscale} and {@code ports} keys default to under these settings. */
    public static SpecDefaults specDefaults(Settings s) {
        Autoscale autoscale = new Autoscale(s.integer(Setting.NODE_CAP),
                new Autoscale.Threshold(s.integer(Setting.CPU_ADD), s.integer(Setting.CPU_REMOVE)),
                new Autoscale.Threshold(s.integer(Setting.MEM_ADD), s.integer(Setting.MEM_REMOVE)),
                new Autoscale.Threshold(s.integer(Setting.DISK_ADD), s.integer(Setting.DISK_REMOVE)),
                new Autoscale.Load(optional(s, Setting.LOAD_DESIRED), optional(s, Setting.LOAD_MAX)),
                new Autoscale.MaxConcurrent(s.integer(Setting.MAX_CONCURRENT_STARTS), s.integer(Setting.MAX_CONCURRENT_UPGRADES),
                        s.integer(Setting.MAX_CONCURRENT_REMOVALS), s.integer(Setting.MAX_CONCURRENT_OPERATIONS)),
                new Autoscale.Delays(s.duration(Setting.DELAY_START), s.duration(Setting.DELAY_UPGRADE),
                        s.duration(Setting.DELAY_REMOVE), s.duration(Setting.DELAY_RESTART)));
        PortPlan ports = new PortPlan(s.integer(Setting.NODE_PORT_BASE), s.integer(Setting.METRICS_PORT_BASE),
                s.integer(Setting.RPC_PORT_BASE), PortPlan.DEFAULT.blockSize());
        return new SpecDefaults(autoscale, ports);
    }

    private static OptionalDouble optional(Settings s, Setting setting) {
        return s.get(setting, Double.class).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    /** A spec's section with the I/O levels off and the youngest node removed first (wnm's defaults). */
    public static AutoscaleSettings fromSpec(Autoscale a, int cores) {
        return fromSpec(a, cores, new long[8], RemovalStrategy.YOUNGEST);
    }

    /** A spec's section with the I/O levels and the removal strategy of these settings (the spec has no keys for them). */
    public static AutoscaleSettings fromSpec(Autoscale a, int cores, Settings s) {
        Setting[] io = {Setting.DISK_READ_ADD, Setting.DISK_READ_REMOVE, Setting.DISK_WRITE_ADD, Setting.DISK_WRITE_REMOVE,
            Setting.NET_READ_ADD, Setting.NET_READ_REMOVE, Setting.NET_WRITE_ADD, Setting.NET_WRITE_REMOVE};
        long[] levels = new long[io.length];
        for (int i = 0; i < io.length; i++) {
            levels[i] = s.bytesPerSecond(io[i]);
        }
        return fromSpec(a, cores, levels, s.get(Setting.REMOVAL_STRATEGY, RemovalStrategy.class).orElse(RemovalStrategy.YOUNGEST));
    }

    private static AutoscaleSettings fromSpec(Autoscale a, int cores, long[] io, RemovalStrategy strategy) {
        ResourceLevels levels = new ResourceLevels(a.cpu().add(), a.cpu().remove(), a.mem().add(), a.mem().remove(),
                a.disk().add(), a.disk().remove(), a.load().desiredFor(cores), a.load().maxFor(cores),
                io[0], io[1], io[2], io[3], io[4], io[5], io[6], io[7]);
        Delays delays = new Delays(a.delays().start(), a.delays().upgrade(), a.delays().remove(), a.delays().restart());
        ConcurrencyLimits limits = new ConcurrencyLimits(a.maxConcurrent().upgrades(), a.maxConcurrent().starts(),
                a.maxConcurrent().removals(), a.maxConcurrent().operations());
        return new AutoscaleSettings(a.nodeCap(), levels, delays, limits, strategy, null);
    }
}

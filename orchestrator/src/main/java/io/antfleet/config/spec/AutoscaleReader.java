package io.antfleet.config.spec;

import io.antfleet.fleet.spec.Autoscale;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads the optional {@code autoscale} section; absent keys take the given defaults (see {@link SpecDefaults}). */
final class AutoscaleReader {
    private static final List<String> KEYS = List.of("nodeCap", "cpu", "mem", "disk", "load", "maxConcurrent", "delays");
    private static final List<String> THRESHOLD_KEYS = List.of("add", "remove");
    private static final List<String> LOAD_KEYS = List.of("desired", "max");
    private static final List<String> CONCURRENT_KEYS = List.of("starts", "upgrades", "removals", "operations");
    private static final List<String> DELAY_KEYS = List.of("start", "upgrade", "remove", "restart");

    private final NodeReader r;
    private final Autoscale defaults;

    AutoscaleReader(NodeReader r, Autoscale defaults) {
        this.r = r;
        this.defaults = defaults;
    }

    /** The section, or empty when it has problems (recorded). */
    Optional<Autoscale> read(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Autoscale d = defaults;
        Optional<Integer> cap = field(m.get(), "nodeCap").map(n -> r.integer(n, path + ".nodeCap", 0, 100_000))
                .orElse(Optional.of(d.nodeCap()));
        Optional<Autoscale.Threshold> cpu = threshold(m.get(), path, "cpu", d.cpu());
        Optional<Autoscale.Threshold> mem = threshold(m.get(), path, "mem", d.mem());
        Optional<Autoscale.Threshold> disk = threshold(m.get(), path, "disk", d.disk());
        Optional<Autoscale.Load> load = field(m.get(), "load").map(n -> load(n, path + ".load", d.load()))
                .orElse(Optional.of(d.load()));
        Optional<Autoscale.MaxConcurrent> concurrent = field(m.get(), "maxConcurrent")
                .map(n -> concurrent(n, path + ".maxConcurrent")).orElse(Optional.of(d.maxConcurrent()));
        Optional<Autoscale.Delays> delays = field(m.get(), "delays").map(n -> delays(n, path + ".delays"))
                .orElse(Optional.of(d.delays()));
        if (cap.isEmpty() || cpu.isEmpty() || mem.isEmpty() || disk.isEmpty() || load.isEmpty()
                || concurrent.isEmpty() || delays.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Autoscale(cap.get(), cpu.get(), mem.get(), disk.get(), load.get(), concurrent.get(), delays.get()));
    }

    private Optional<YamlNode> field(YamlNode.Mapping m, String key) {
        return r.field(m, key);
    }

    private Optional<Autoscale.Threshold> threshold(YamlNode.Mapping parent, String parentPath, String key, Autoscale.Threshold dflt) {
        Optional<YamlNode> node = field(parent, key);
        if (node.isEmpty()) {
            return Optional.of(dflt);
        }
        String path = parentPath + "." + key;
        Optional<YamlNode.Mapping> m = r.mapping(node.get(), path, THRESHOLD_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> add = field(m.get(), "add").map(n -> r.integer(n, path + ".add", 0, 100)).orElse(Optional.of(dflt.add()));
        Optional<Integer> remove = field(m.get(), "remove").map(n -> r.integer(n, path + ".remove", 0, 100))
                .orElse(Optional.of(dflt.remove()));
        if (add.isEmpty() || remove.isEmpty()) {
            return Optional.empty();
        }
        if (add.get() >= remove.get()) {
            r.problem(node.get(), path, "add (" + add.get() + ") must be below remove (" + remove.get()
                    + "): nodes are added under add and removed over remove");
            return Optional.empty();
        }
        return Optional.of(new Autoscale.Threshold(add.get(), remove.get()));
    }

    private Optional<Autoscale.Load> load(YamlNode node, String path, Autoscale.Load fallback) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, LOAD_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Optional<Optional<Double>> desired = optionalNumber(m.get(), "desired", path);
        Optional<Optional<Double>> max = optionalNumber(m.get(), "max", path);
        if (desired.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble desiredValue = desired.get().map(OptionalDouble::of).orElse(fallback.desired());
        OptionalDouble maxValue = max.get().map(OptionalDouble::of).orElse(fallback.max());
        if (desiredValue.isPresent() && maxValue.isPresent() && desiredValue.getAsDouble() > maxValue.getAsDouble()) {
            r.problem(node, path, "desired (" + desiredValue.getAsDouble() + ") must not exceed max (" + maxValue.getAsDouble() + ")");
            return Optional.empty();
        }
        return Optional.of(new Autoscale.Load(desiredValue, maxValue));
    }

    /** Empty on a problem; an empty inner value when the key is absent. */
    private Optional<Optional<Double>> optionalNumber(YamlNode.Mapping m, String key, String path) {
        Optional<YamlNode> node = field(m, key);
        if (node.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        return r.positive(node.get(), path + "." + key).map(Optional::of);
    }

    private Optional<Autoscale.MaxConcurrent> concurrent(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, CONCURRENT_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Autoscale.MaxConcurrent d = defaults.maxConcurrent();
        int[] fallback = {d.starts(), d.upgrades(), d.removals(), d.operations()};
        int[] values = new int[4];
        boolean ok = true;
        for (int i = 0; i < 4; i++) {
            String key = CONCURRENT_KEYS.get(i);
            Optional<Integer> v = field(m.get(), key).map(n -> r.integer(n, path + "." + key, 1, 1000)).orElse(Optional.of(fallback[i]));
            ok &= v.isPresent();
            values[i] = v.orElse(1);
        }
        return ok ? Optional.of(new Autoscale.MaxConcurrent(values[0], values[1], values[2], values[3])) : Optional.empty();
    }

    private Optional<Autoscale.Delays> delays(YamlNode node, String path) {
        Optional<YamlNode.Mapping> m = r.mapping(node, path, DELAY_KEYS);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        Autoscale.Delays d = defaults.delays();
        Duration[] fallback = {d.start(), d.upgrade(), d.remove(), d.restart()};
        Duration[] values = new Duration[4];
        boolean ok = true;
        for (int i = 0; i < 4; i++) {
            String key = DELAY_KEYS.get(i);
            Optional<Duration> v = field(m.get(), key).map(n -> r.duration(n, path + "." + key)).orElse(Optional.of(fallback[i]));
            ok &= v.isPresent();
            values[i] = v.orElse(Duration.ZERO);
        }
        return ok ? Optional.of(new Autoscale.Delays(values[0], values[1], values[2], values[3])) : Optional.empty();
    }
}

package io.antfleet.config.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.config.spec.SpecLoader;
import io.antfleet.fleet.spec.FleetSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A global setting with a spec key is the default for that key: a spec without it takes the setting, a spec with it wins. */
class SettingsAsSpecDefaultsTest {
    private static final String HEAD = String.join("\n", "apiVersion: antfleet/v1", "fleet: home", "image: i",
            "rewardsAddress: 0x03B770D9cD32077cC0bF330c13C114a87643B124", "containers: [{name: a, nodes: 1}]", "");

    private static FleetSpec load(String wnmName, String value, String specTail) {
        Settings settings = new SettingsResolver().resolve(Map.of(), Map.of(), Optional.of(
                new SettingsResolver.ConfigFile("wnm.conf", wnmName + "=" + value)), Map.of());
        return new SpecLoader(AutoscaleSettingsFactory.specDefaults(settings)).parse("f.yaml", HEAD + specTail);
    }

    static Stream<Arguments> wiredSettings() {
        return Stream.of(
                row("node_cap", "7", 7, "autoscale: {nodeCap: 9}", 9, s -> s.autoscale().nodeCap()),
                row("cpu_less_than", "30", 30, "autoscale: {cpu: {add: 40}}", 40, s -> s.autoscale().cpu().add()),
                row("cpu_remove", "80", 80, "autoscale: {cpu: {remove: 85}}", 85, s -> s.autoscale().cpu().remove()),
                row("mem_less_than", "30", 30, "autoscale: {mem: {add: 40}}", 40, s -> s.autoscale().mem().add()),
                row("mem_remove", "80", 80, "autoscale: {mem: {remove: 85}}", 85, s -> s.autoscale().mem().remove()),
                row("hd_less_than", "30", 30, "autoscale: {disk: {add: 40}}", 40, s -> s.autoscale().disk().add()),
                row("hd_remove", "80", 80, "autoscale: {disk: {remove: 85}}", 85, s -> s.autoscale().disk().remove()),
                row("desired_load_average", "1.5", 1.5, "autoscale: {load: {desired: 2.5}}", 2.5,
                        s -> s.autoscale().load().desiredFor(64)),
                row("max_load_average_allowed", "3", 3.0, "autoscale: {load: {max: 5}}", 5.0, s -> s.autoscale().load().maxFor(64)),
                row("delay_start", "60", Duration.ofSeconds(60), "autoscale: {delays: {start: 90s}}", Duration.ofSeconds(90),
                        s -> s.autoscale().delays().start()),
                row("delay_upgrade", "60", Duration.ofSeconds(60), "autoscale: {delays: {upgrade: 90s}}", Duration.ofSeconds(90),
                        s -> s.autoscale().delays().upgrade()),
                row("delay_remove", "60", Duration.ofSeconds(60), "autoscale: {delays: {remove: 90s}}", Duration.ofSeconds(90),
                        s -> s.autoscale().delays().remove()),
                row("delay_restart", "60", Duration.ofSeconds(60), "autoscale: {delays: {restart: 90s}}", Duration.ofSeconds(90),
                        s -> s.autoscale().delays().restart()),
                row("max_concurrent_starts", "3", 3, "autoscale: {maxConcurrent: {starts: 4}}", 4,
                        s -> s.autoscale().maxConcurrent().starts()),
                row("max_concurrent_upgrades", "3", 3, "autoscale: {maxConcurrent: {upgrades: 4}}", 4,
                        s -> s.autoscale().maxConcurrent().upgrades()),
                row("max_concurrent_removals", "3", 3, "autoscale: {maxConcurrent: {removals: 4}}", 4,
                        s -> s.autoscale().maxConcurrent().removals()),
                row("max_concurrent_operations", "3", 3, "autoscale: {maxConcurrent: {operations: 4}}", 4,
                        s -> s.autoscale().maxConcurrent().operations()),
                row("port_start", "56", 56000, "ports: {node: 57000}", 57000, s -> s.ports().node()),
                row("metrics_port_start", "14", 14000, "ports: {metrics: 15000}", 15000, s -> s.ports().metrics()),
                row("rpc_port_start", "31", 31000, "ports: {rpc: 32000}", 32000, s -> s.ports().rpc()));
    }

    private static Arguments row(String wnmName, String value, Object fromSetting, String specWithKey, Object fromSpec,
            Function<FleetSpec, Object> read) {
        return Arguments.of(wnmName, value, fromSetting, specWithKey, fromSpec, read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wiredSettings")
    void aSpecWithoutTheKeyTakesTheSetting(String wnmName, String value, Object fromSetting, String specWithKey, Object fromSpec,
            Function<FleetSpec, Object> read) {
        assertThat(read.apply(load(wnmName, value, ""))).isEqualTo(fromSetting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wiredSettings")
    void aSpecWithTheSectionButNotTheKeyTakesTheSetting(String wnmName, String value, Object fromSetting, String specWithKey,
            Object fromSpec, Function<FleetSpec, Object> read) {
        String sibling = specWithKey.startsWith("ports") ? "ports: {blockSize: 10}" : "autoscale: {disk: {add: 20}}";
        String spec = wnmName.equals("hd_less_than") ? "autoscale: {nodeCap: 3}" : sibling;
        assertThat(read.apply(load(wnmName, value, spec))).isEqualTo(fromSetting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wiredSettings")
    void aSpecWithTheKeyWins(String wnmName, String value, Object fromSetting, String specWithKey, Object fromSpec,
            Function<FleetSpec, Object> read) {
        assertThat(read.apply(load(wnmName, value, specWithKey))).isEqualTo(fromSpec);
    }
}

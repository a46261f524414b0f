package io.antfleet.config.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antfleet.config.settings.SettingsResolver.ConfigFile;
import io.antfleet.fleet.WalletAddress;
import io.antfleet.fleet.decide.RemovalStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsResolverTest {
    private final SettingsResolver resolver = new SettingsResolver();

    private Settings resolve(Map<String, String> cli, Map<String, String> env, String file, Map<String, String> db) {
        return resolver.resolve(cli, env, Optional.ofNullable(file).map(t -> new ConfigFile("antfleet.conf", t)), db);
    }

    @Test
    void withNothingGivenEverySettingHasWnmsDefault() {
        Settings s = resolve(Map.of(), Map.of(), null, Map.of());

        assertThat(s.integer(Setting.NODE_CAP)).isEqualTo(20);
        assertThat(s.integer(Setting.CPU_ADD)).isEqualTo(50);
        assertThat(s.integer(Setting.DISK_REMOVE)).isEqualTo(90);
        assertThat(s.duration(Setting.DELAY_RESTART)).isEqualTo(Duration.ofSeconds(600));
        assertThat(s.integer(Setting.MAX_CONCURRENT_OPERATIONS)).isEqualTo(1);
        assertThat(s.integer(Setting.NODE_PORT_BASE)).isEqualTo(55000);
        assertThat(s.get(Setting.LOAD_DESIRED, Double.class)).isEmpty();
        assertThat(s.origin(Setting.NODE_CAP)).contains(SettingOrigin.DEFAULT);
    }

    static Stream<Arguments> priorities() {
        return Stream.of(
                Arguments.of(Map.of("node-cap", "5"), Map.of("ANTFLEET_NODE_CAP", "6"), "node_cap=7", Map.of("node_cap", "8"), 5,
                        SettingOrigin.COMMAND_LINE),
                Arguments.of(Map.of(), Map.of("ANTFLEET_NODE_CAP", "6"), "node_cap=7", Map.of("node_cap", "8"), 6,
                        SettingOrigin.ENVIRONMENT),
                Arguments.of(Map.of(), Map.of(), "node_cap=7", Map.of("node_cap", "8"), 7, SettingOrigin.CONFIG_FILE),
                Arguments.of(Map.of(), Map.of(), null, Map.of("node_cap", "8"), 8, SettingOrigin.DATABASE),
                Arguments.of(Map.of(), Map.of(), null, Map.of(), 20, SettingOrigin.DEFAULT));
    }

    @ParameterizedTest(name = "{5} wins")
    @MethodSource("priorities")
    void theHighestPrioritySourceWins(Map<String, String> cli, Map<String, String> env, String file, Map<String, String> db,
            int expected, SettingOrigin origin) {
        Settings s = resolve(cli, env, file, db);

        assertThat(s.integer(Setting.NODE_CAP)).isEqualTo(expected);
        assertThat(s.origin(Setting.NODE_CAP)).contains(origin);
    }

    @Test
    void wnmNamesAreAliasesInEverySource() {
        Settings s = resolve(Map.of("cpu_less_than", "40"), Map.of("ANTFLEET_MEM_LESS_THAN", "30"),
                "hd_less_than = 20\nmax_concurrent_starts=3\n", Map.of("delay_restart", "900"));

        assertThat(s.integer(Setting.CPU_ADD)).isEqualTo(40);
        assertThat(s.integer(Setting.MEM_ADD)).isEqualTo(30);
        assertThat(s.integer(Setting.DISK_ADD)).isEqualTo(20);
        assertThat(s.integer(Setting.MAX_CONCURRENT_STARTS)).isEqualTo(3);
        assertThat(s.duration(Setting.DELAY_RESTART)).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void wnmsPortStartIsInThousandsButTheAntfleetNameTakesAPort() {
        Settings wnm = resolve(Map.of(), Map.of(), "port_start=56\nmetrics_port_start=14", Map.of());
        Settings antfleet = resolve(Map.of("node-port-base", "56000"), Map.of(), null, Map.of());

        assertThat(wnm.integer(Setting.NODE_PORT_BASE)).isEqualTo(56000);
        assertThat(wnm.integer(Setting.METRICS_PORT_BASE)).isEqualTo(14000);
        assertThat(antfleet.integer(Setting.NODE_PORT_BASE)).isEqualTo(56000);
    }

    @Test
    void theConfigFileTakesCommentsQuotesAndTypedValues() {
        Settings s = resolve(Map.of(), Map.of(), String.join("\n",
                "# wnm's config", "", "donate_address=\"0x03B770D9cD32077cC0bF330c13C114a87643B124\"",
                "node_removal_strategy=fewest-records", "desired_load_average=1.5", "delay-start=5m"), Map.of());

        assertThat(s.get(Setting.DONATE_ADDRESS, WalletAddress.class)).isPresent();
        assertThat(s.get(Setting.REMOVAL_STRATEGY, RemovalStrategy.class)).contains(RemovalStrategy.FEWEST_RECORDS);
        assertThat(s.get(Setting.LOAD_DESIRED, Double.class)).contains(1.5);
        assertThat(s.duration(Setting.DELAY_START)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRetiredWnmSettingIsIgnoredWithAOneLineWarningNamingItAndWhy() {
        Settings s = resolve(Map.of("dry-run", "true"), Map.of("ANTFLEET_ANTCTL_PATH", "/usr/bin/antctl"), String.join("\n",
                "node_cap=5", "process_manager=antctl+sudo", "rewards_address=0x03B770D9cD32077cC0bF330c13C114a87643B124",
                "no_upnp=yes", "antnode_path=/opt/antnode", "antctl_version=0.14.2", "environment=evm-arbitrum-one",
                "start_args=--foo", "survey_delay=1", "action_delay=2"), Map.of("process_manager", "antctl+user"));

        assertThat(s.integer(Setting.NODE_CAP)).isEqualTo(5);
        assertThat(s.ignored()).hasSize(11).contains(
                "antfleet.conf:2: setting 'process_manager' is ignored: the fleet spec's processManager sets it per fleet or container",
                "environment ANTFLEET_ANTCTL_PATH: setting 'ANTCTL_PATH' is ignored: antctl runs inside each container, from its image",
                "command line --dry-run: setting 'dry-run' is ignored: use the --dry-run option of apply or run");
        assertThat(s.ignored()).noneMatch(line -> line.startsWith("database"));
    }

    @Test
    void unrelatedAntfleetVariablesAndDatabaseKeysAreIgnored() {
        Settings s = resolve(Map.of(), Map.of("ANTFLEET_DB", "jdbc:h2:mem:x", "PATH", "/bin"), null, Map.of("schema_note", "x"));

        assertThat(s.integer(Setting.NODE_CAP)).isEqualTo(20);
    }

    @Test
    void everyProblemIsReportedTogetherNamingItsSource() {
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> resolve(
                Map.of("node-cpa", "5"), Map.of("ANTFLEET_NODE_CAP", "many"),
                "cpu_less_than=80\ncpu_remove=70\nthis line is wrong\nnode_removal_strategy=oldest", Map.of()));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "command line --node-cpa: unknown setting 'node-cpa' (did you mean 'node-cap'?)",
                "environment ANTFLEET_NODE_CAP: 'many' is not an integer",
                "antfleet.conf:3: expected key=value, got 'this line is wrong'",
                "antfleet.conf:4: unknown removal strategy 'oldest' (expected one of youngest, fewest-records, most-shunned)",
                "cpu-add (80) must be below cpu-remove (70)");
    }

    @Test
    void anUnknownKeyInTheConfigFileIsAProblemWithItsLine() {
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
                () -> resolve(Map.of(), Map.of(), "node_cap=3\nmem_les_than=10", Map.of()));

        assertThat(e.getMessage()).isEqualTo("antfleet.conf:2: unknown setting 'mem_les_than' (did you mean 'mem-add'?)");
    }

    @Test
    void everyWnmSettingNameIsKnown() {
        assertThat(SettingsResolver.knownNames()).contains("node_cap", "cpu_less_than", "cpu_remove", "mem_less_than",
                "mem_remove", "hd_less_than", "hd_remove", "desired_load_average", "max_load_average_allowed",
                "hdio_read_less_than", "hdio_read_remove", "hdio_write_less_than", "hdio_write_remove",
                "netio_read_less_than", "netio_read_remove", "netio_write_less_than", "netio_write_remove",
                "delay_start", "delay_upgrade", "delay_remove", "delay_restart", "max_concurrent_upgrades",
                "max_concurrent_starts", "max_concurrent_removals", "max_concurrent_operations", "port_start",
                "metrics_port_start", "rpc_port_start", "process_manager", "rewards_address", "donate_address",
                "no_upnp", "antnode_path", "antctl_path", "antctl_version", "environment", "start_args", "dry_run",
                "survey_delay", "action_delay");
    }
}

package io.antfleet.config.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * A global setting: its antfleet name (kebab-case; environment {@code ANTFLEET_<NAME>} in upper snake
 * case), wnm's name accepted as an alias, its type and its default (wnm's, see wnm-reference.md).
 * An absent default means "none" or, for the load averages, "derived from the host's cores".
 */
public enum Setting {
    NODE_CAP("node-cap", "node_cap", SettingType.COUNT, "20"),
    CPU_ADD("cpu-add", "cpu_less_than", SettingType.PERCENT, "50"),
    CPU_REMOVE("cpu-remove", "cpu_remove", SettingType.PERCENT, "70"),
    MEM_ADD("mem-add", "mem_less_than", SettingType.PERCENT, "60"),
    MEM_REMOVE("mem-remove", "mem_remove", SettingType.PERCENT, "75"),
    DISK_ADD("disk-add", "hd_less_than", SettingType.PERCENT, "75"),
    DISK_REMOVE("disk-remove", "hd_remove", SettingType.PERCENT, "90"),
    LOAD_DESIRED("load-desired", "desired_load_average", SettingType.NUMBER, null),
    LOAD_MAX("load-max", "max_load_average_allowed", SettingType.NUMBER, null),
    DISK_READ_ADD("disk-read-add", "hdio_read_less_than", SettingType.BYTES_PER_SECOND, "0"),
    DISK_READ_REMOVE("disk-read-remove", "hdio_read_remove", SettingType.BYTES_PER_SECOND, "0"),
    DISK_WRITE_ADD("disk-write-add", "hdio_write_less_than", SettingType.BYTES_PER_SECOND, "0"),
    DISK_WRITE_REMOVE("disk-write-remove", "hdio_write_remove", SettingType.BYTES_PER_SECOND, "0"),
    NET_READ_ADD("net-read-add", "netio_read_less_than", SettingType.BYTES_PER_SECOND, "0"),
    NET_READ_REMOVE("net-read-remove", "netio_read_remove", SettingType.BYTES_PER_SECOND, "0"),
    NET_WRITE_ADD("net-write-add", "netio_write_less_than", SettingType.BYTES_PER_SECOND, "0"),
    NET_WRITE_REMOVE("net-write-remove", "netio_write_remove", SettingType.BYTES_PER_SECOND, "0"),
    DELAY_START("delay-start", "delay_start", SettingType.SECONDS, "300"),
    DELAY_UPGRADE("delay-upgrade", "delay_upgrade", SettingType.SECONDS, "300"),
    DELAY_REMOVE("delay-remove", "delay_remove", SettingType.SECONDS, "300"),
    DELAY_RESTART("delay-restart", "delay_restart", SettingType.SECONDS, "600"),
    MAX_CONCURRENT_UPGRADES("max-concurrent-upgrades", "max_concurrent_upgrades", SettingType.POSITIVE, "1"),
    MAX_CONCURRENT_STARTS("max-concurrent-starts", "max_concurrent_starts", SettingType.POSITIVE, "1"),
    MAX_CONCURRENT_REMOVALS("max-concurrent-removals", "max_concurrent_removals", SettingType.POSITIVE, "1"),
    MAX_CONCURRENT_OPERATIONS("max-concurrent-operations", "max_concurrent_operations", SettingType.POSITIVE, "1"),
    /** Autonomi v2 nodes behind one public address (fleet.plan.AddressLimit: saorsa-core's cap of 50 per IPv4, per /64). */
    MAX_NODES_PER_ADDRESS("max-nodes-per-address", "max_nodes_per_address", SettingType.POSITIVE, "50"),
    NODE_PORT_BASE("node-port-base", "port_start", SettingType.PORT_BASE, "55000"),
    METRICS_PORT_BASE("metrics-port-base", "metrics_port_start", SettingType.PORT_BASE, "13000"),
    RPC_PORT_BASE("rpc-port-base", "rpc_port_start", SettingType.PORT_BASE, "30000"),
    DONATE_ADDRESS("donate-address", "donate_address", SettingType.ADDRESS, null),
    /** What the {@code faucet} keyword of a rewards list pays; wnm has no setting for it. */
    FAUCET_ADDRESS("faucet-address", "faucet_address", SettingType.ADDRESS, null),
    /** youngest, fewest-records or most-shunned (see fleet.decide.RemovalStrategy). */
    REMOVAL_STRATEGY("removal-strategy", "node_removal_strategy", SettingType.REMOVAL_STRATEGY, "youngest");

    private final String key;
    private final String wnmName;
    private final SettingType type;
    private final String defaultValue;

    Setting(String key, String wnmName, SettingType type, String defaultValue) {
        this.key = key;
        this.wnmName = wnmName;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public String wnmName() {
        return wnmName;
    }

    public SettingType type() {
        return type;
    }

    Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** {@code ANTFLEET_NODE_CAP} for node-cap. */
    public String environmentVariable() {
        return "ANTFLEET_" + key.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Dashes and underscores are the same and case does not matter: node-cap, node_cap, NODE_CAP. */
    static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }
}

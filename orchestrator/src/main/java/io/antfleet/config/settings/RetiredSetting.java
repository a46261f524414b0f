package io.antfleet.config.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * wnm settings (and their antfleet names) that mean nothing to antfleet: the fleet spec says them per
 * fleet or container, or they drive wnm-only mechanics. They stay accepted so that a wnm config file
 * still loads; each use is reported as ignored, with why, instead of failing as an unknown key.
 */
enum RetiredSetting {
    PROCESS_MANAGER("process-manager", "process_manager", "the fleet spec's processManager sets it per fleet or container"),
    REWARDS_ADDRESS("rewards-address", "rewards_address", "the fleet spec's rewardsAddress sets it per fleet or container"),
    NO_UPNP("no-upnp", "no_upnp", "the fleet spec's noUpnp sets it per fleet or container"),
    ANTNODE_PATH("antnode-path", "antnode_path", "the fleet spec's antnode says which antnode each container runs"),
    ANTCTL_PATH("antctl-path", "antctl_path", "antctl runs inside each container, from its image"),
    ANTCTL_VERSION("antctl-version", "antctl_version", "the container image pins antctl"),
    ENVIRONMENT("environment", "environment", "the fleet spec's network sets it per fleet or container"),
    START_ARGS("start-args", "start_args", "wnm never used it either; node options come from the fleet spec"),
    DRY_RUN("dry-run", "dry_run", "use the --dry-run option of apply or run"),
    SURVEY_DELAY("survey-delay", "survey_delay", "antfleet reads every node's metrics concurrently, with timeouts"),
    ACTION_DELAY("action-delay", "action_delay", "run's --interval sets the pause between cycles");

    private final String key;
    private final String wnmName;
    private final String reason;

    RetiredSetting(String key, String wnmName, String reason) {
        this.key = key;
        this.wnmName = wnmName;
        this.reason = reason;
    }

    String key() {
        return key;
    }

    String wnmName() {
        return wnmName;
    }

    static Optional<RetiredSetting> byName(String name) {
        String n = Setting.normalize(name);
        return Arrays.stream(values())
                .filter(r -> Setting.normalize(r.key).equals(n) || Setting.normalize(r.wnmName).equals(n)).findFirst();
    }

    /** The one-line warning for {@code where} (a file line, a variable). */
    String warning(String where, String name) {
        return where + ": setting '" + name + "' is ignored: " + reason;
    }
}

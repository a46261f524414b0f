package io.antfleet.config.settings;

/** Where a setting's value came from, highest priority first. */
public enum SettingOrigin {
    COMMAND_LINE, ENVIRONMENT, CONFIG_FILE, DATABASE, DEFAULT
}

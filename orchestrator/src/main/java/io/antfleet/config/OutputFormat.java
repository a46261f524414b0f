package io.antfleet.config;

/** How commands print results: a human table or machine JSON (JSON never mixes in progress lines). */
public enum OutputFormat {
    TABLE,
    JSON
}

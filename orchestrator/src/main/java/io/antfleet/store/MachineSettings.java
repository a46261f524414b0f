package io.antfleet.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The machine table: fleet-wide settings under wnm's names ({@code node_cap}, {@code cpu_less_than},
 * ...), seeded with wnm's defaults by the first migration. The settings chain reads it as its
 * "database" source: command line &gt; environment &gt; config file &gt; database &gt; defaults.
 */
public interface MachineSettings {
    String READING_RETENTION_DAYS = "reading_retention_days";

    /** Every setting that has a value, by name, in name order; unset (NULL) settings are left out. */
    Map<String, String> all();

    Optional<String> get(String name);

    /** Sets a value, adding the setting if it is new; a null value unsets it. */
    void put(String name, String value);

    /** How long the readings history is kept ({@value #READING_RETENTION_DAYS}, 7 days by default). */
    Duration readingRetention();
}

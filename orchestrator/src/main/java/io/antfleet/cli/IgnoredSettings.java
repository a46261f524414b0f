package io.antfleet.cli;

import io.antfleet.config.settings.Settings;
import java.io.PrintWriter;

/** Prints the warnings for retired wnm settings a config file or the environment still gives, one a line. */
final class IgnoredSettings {
    private IgnoredSettings() {
    }

    static void warn(Settings settings, PrintWriter err) {
        settings.ignored().forEach(line -> err.println("antfleet: warning: " + line));
        err.flush();
    }
}

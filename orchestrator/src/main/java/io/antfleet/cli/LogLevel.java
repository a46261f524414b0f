package io.antfleet.cli;

import java.util.Arrays;

/**
 * antfleet's own output is what a command prints; log lines (Flyway's migrations, lease take-overs, the run
 * loop's decisions) are for {@code -v}. slf4j-simple reads its level once, when the first logger is made,
 * so this runs first thing in {@link Main#main}. A {@code -D} setting of the level wins.
 */
final class LogLevel {
    static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private LogLevel() {
    }

    static void configure(String... args) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, verbose(args) ? "info" : "off");
        }
    }

    static boolean verbose(String... args) {
        return Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
    }
}

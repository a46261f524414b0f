package io.antfleet.bench;

import io.antfleet.cli.Main;
import java.util.List;

/**
 * Entry point of the bench jar: antfleet's command line with {@code bench} added, so that
 * {@code ./antfleet --output json bench ...} parses exactly as before the bench left the production jar.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        Main.main(List.of(new BenchCommand()), args);
    }
}

package io.antfleet.bench;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where one side's converge time goes, per container: from the side's start to the stand-in config exec (both sides
 * run it at the same point, after the create and before the add), and from there to the container's last step done.
 * For the progress lines: it tells the part before the add (create, and antfleet's journal and rows) from the part
 * after it (add, start, and antfleet's rows and peer ids).
 */
final class Phases {
    private final long start = System.nanoTime();
    private final Map<String, Long> configured = new ConcurrentHashMap<>();
    private final Map<String, Long> done = new ConcurrentHashMap<>();

    void configured(String container) {
        configured.put(container, System.nanoTime());
    }

    void done(String container) {
        done.put(container, System.nanoTime());
    }

    /** {@code to config median A ms (max B), then to done median C ms (max D)}, over the containers that got both. */
    String describe() {
        double[] before = configured.values().stream().mapToDouble(t -> (t - start) / 1e6).toArray();
        double[] after = configured.entrySet().stream().filter(e -> done.containsKey(e.getKey()))
                .mapToDouble(e -> (done.get(e.getKey()) - e.getValue()) / 1e6).toArray();
        if (before.length == 0 || after.length == 0) {
            return "(no phases)";
        }
        return String.format(Locale.ROOT, "to config median %.0f ms (max %.0f), then to done median %.0f ms (max %.0f)",
                Rounds.median(before), java.util.Arrays.stream(before).max().orElseThrow(), Rounds.median(after),
                java.util.Arrays.stream(after).max().orElseThrow());
    }
}

package io.antfleet.engine.run;

import io.antfleet.fleet.AntfleetException;
import java.time.Duration;

/** Waits between polls and cycles; tests give one that only advances a clock. */
@FunctionalInterface
public interface Pacer {
    void pause(Duration duration);

    /** Sleeps the thread; an interrupt ends the wait early and is kept on the thread. */
    static Pacer sleeping() {
        return d -> {
            try {
                Thread.sleep(Math.max(0, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AntfleetException("interrupted while waiting " + d, e);
            }
        };
    }
}

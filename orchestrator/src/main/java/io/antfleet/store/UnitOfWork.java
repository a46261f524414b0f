package io.antfleet.store;

import java.util.function.Supplier;

/**
 * Writes that belong together, in one database transaction: all of them land or none does, so a
 * connection cut half-way leaves nothing half-written. Repository calls made inside join the unit. The
 * work must touch nothing outside the database (a conflict with a concurrent transaction runs it again),
 * so it never carries out an antctl call: record the intent before the call, the outcome in a unit after.
 * Thread safe; a unit belongs to the thread that calls.
 */
public interface UnitOfWork {
    <T> T call(Supplier<T> work);

    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}

package io.antfleet.engine;

import io.antfleet.store.UnitOfWork;
import java.util.function.Supplier;

/** The unit of work over the memory store: runs the work as it is (there is no transaction to roll back). */
public final class DirectWork implements UnitOfWork {
    @Override
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}

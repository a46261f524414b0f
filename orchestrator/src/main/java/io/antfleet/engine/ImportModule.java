package io.antfleet.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * Binds the use cases where antctl meets the store: import, and the journaled node lifecycle. Needs the
 * Docker, antctl and store modules. (When the engine's own module lands, these bindings can move into it.)
 */
public final class ImportModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ImportService.class).in(Singleton.class);
        bind(NodeLifecycle.class).in(Singleton.class);
    }
}

package io.antfleet.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * Binds import, where the node managers' registries meet the store. Needs the Docker, node-manager and
 * store modules.
 */
public final class ImportModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ImportService.class).in(Singleton.class);
    }
}

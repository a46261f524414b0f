package io.antfleet.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/**
 * Binds the import use case. Needs the Docker, antctl and store modules. (When the engine's own module
 * lands, this binding can move into it.)
 */
public final class ImportModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ImportService.class).in(Singleton.class);
    }
}

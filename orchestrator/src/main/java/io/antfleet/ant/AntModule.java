package io.antfleet.ant;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds {@code ant node} as a node manager: its settings and the per-container manager factory. */
public final class AntModule extends AbstractModule {
    private final AntSettings settings;

    public AntModule() {
        this(AntSettings.defaults());
    }

    public AntModule(AntSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(AntSettings.class).toInstance(settings);
        bind(AntManagers.class).in(Singleton.class);
    }
}

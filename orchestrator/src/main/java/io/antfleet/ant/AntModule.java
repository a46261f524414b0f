package io.antfleet.ant;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import io.antfleet.docker.DockerGateways;
import com.google.inject.multibindings.OptionalBinder;

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
        // the engine's optional slot for ant: an injector without this module still drives antctl
        try {
            OptionalBinder.newOptionalBinder(binder(), AntManagers.class).setBinding()
                    .toConstructor(AntManagers.class.getConstructor(DockerGateways.class, AntSettings.class)).in(Singleton.class);
        } catch (NoSuchMethodException e) {
            addError(e);
        }
    }
}

package io.antfleet.docker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.antfleet.config.OwnedResources;
import java.util.Optional;

/**
 * Binds the docker-java gateway of the local engine and the {@link DockerGateways} of every host: one client per
 * engine and injector, closed by the injector's {@link OwnedResources}. The hosts come from the
 * {@link HostDirectory} a module binds (the engine's: the store's host rows); without one, only the local engine.
 */
public final class DockerModule extends AbstractModule {
    private final DockerSettings settings;

    public DockerModule() {
        this(DockerSettings.defaults());
    }

    public DockerModule(DockerSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(DockerSettings.class).toInstance(settings);
        OptionalBinder.newOptionalBinder(binder(), HostDirectory.class);
    }

    @Provides
    @Singleton
    DockerGateways dockerGateways(DockerGateway local, DockerSettings dockerSettings, Optional<HostDirectory> directory,
            OwnedResources owner) {
        return owner.own(new HostGateways(local, dockerSettings, directory.orElse(HostDirectory.NONE)));
    }

    @Provides
    @Singleton
    DockerJavaGateway dockerJavaGateway(DockerSettings dockerSettings, OwnedResources owner) {
        return owner.own(new DockerJavaGateway(dockerSettings));
    }

    @Provides
    @Singleton
    DockerGateway dockerGateway(DockerJavaGateway gateway) {
        return gateway;
    }
}

package io.antfleet.docker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.antfleet.config.OwnedResources;

/** Binds the docker-java gateway: one client per injector, closed by the injector's {@link OwnedResources}. */
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

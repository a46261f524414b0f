package io.antfleet.docker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Binds the docker-java gateway: one client per injector, closed when the JVM shuts down. */
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
    DockerJavaGateway dockerJavaGateway(DockerSettings dockerSettings) {
        DockerJavaGateway gateway = new DockerJavaGateway(dockerSettings);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "antfleet-docker-close"));
        return gateway;
    }

    @Provides
    @Singleton
    DockerGateway dockerGateway(DockerJavaGateway gateway) {
        return gateway;
    }
}

package io.antfleet.antctl;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Duration;

/** Binds antctl as a node manager: settings, the metrics-endpoint probe and the per-container manager factory. */
public final class AntctlModule extends AbstractModule {
    private final AntctlSettings settings;

    public AntctlModule() {
        this(AntctlSettings.defaults());
    }

    public AntctlModule(AntctlSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(AntctlSettings.class).toInstance(settings);
        bind(AntctlManagerFactory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    LivenessProbe nodeProbe() {
        return new HttpLivenessProbe("127.0.0.1", Duration.ofSeconds(2));
    }
}

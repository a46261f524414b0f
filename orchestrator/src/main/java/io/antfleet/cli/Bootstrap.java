package io.antfleet.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.Stage;
import io.antfleet.antctl.AntctlModule;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OwnedResources;
import io.antfleet.docker.DockerModule;
import io.antfleet.engine.EngineModule;
import io.antfleet.metrics.MetricsModule;
import io.antfleet.metrics.SweepSettings;
import io.antfleet.store.StoreModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Guice injector from the subsystem modules. Explicit bindings are required and circular
 * proxies forbidden, so a wiring mistake fails at start-up rather than halfway through an apply.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** The subsystem modules for the given options; each subsystem contributes exactly one. */
    public static List<Module> modules(GlobalOptions options) {
        List<Module> modules = new ArrayList<>();
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
            }
        });
        modules.add(new StoreModule());
        modules.add(new SettingsModule());
        modules.add(new DockerModule());
        modules.add(new AntctlModule());
        modules.add(new io.antfleet.ant.AntModule());
        modules.add(new MetricsModule(SweepSettings.defaults()));
        modules.add(new EngineModule());
        modules.add(new io.antfleet.serve.ServeModule());
        return modules;
    }

    public static Injector injector(List<Module> modules) {
        List<Module> all = new ArrayList<>(modules);
        all.add(new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
                bind(OwnedResources.class).in(Singleton.class);
            }
        });
        return Guice.createInjector(Stage.PRODUCTION, all);
    }
}

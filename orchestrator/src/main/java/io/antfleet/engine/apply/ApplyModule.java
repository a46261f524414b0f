package io.antfleet.engine.apply;

import com.google.inject.AbstractModule;
import io.antfleet.fleet.plan.FleetPlanner;

/**
 * The apply flow's bindings. The {@link FleetObserver} is bound by the module that owns its adapters
 * (Docker, antctl, store), so tests can bind a fake one instead.
 */
public final class ApplyModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(FleetPlanner.class).toInstance(new FleetPlanner());
        bind(ApplyService.class);
    }
}

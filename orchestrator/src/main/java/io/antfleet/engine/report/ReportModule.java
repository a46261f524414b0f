package io.antfleet.engine.report;

import com.google.inject.AbstractModule;

/** {@code antfleet report}: the service and the real host probe. Needs the store and metrics modules' bindings. */
public final class ReportModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(HostProbe.class).to(CountersHostProbe.class);
        bind(CountersHostProbe.class);
        bind(ReportService.class);
    }
}

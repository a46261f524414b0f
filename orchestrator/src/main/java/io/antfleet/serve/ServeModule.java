package io.antfleet.serve;

import com.google.inject.AbstractModule;

/** The dashboard: its views over the store, its actions and the launcher of its server. */
public final class ServeModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(FleetView.class);
        bind(JournalView.class);
        bind(HistoryView.class);
        bind(DashboardActions.class);
        bind(Dashboard.class);
    }
}

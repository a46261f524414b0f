package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.antfleet.config.GlobalOptions;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store: repositories, journal, lease, settings, migrations and the {@link Transactions}
 * boundary. Nothing connects while the injector is built; the database is resolved, opened and
 * migrated on first use.
 *
 * <p>{@code new StoreModule()} takes the database from {@link GlobalOptions} ({@code --db} /
 * {@code ANTFLEET_DB}, else the embedded one under {@link DataHome}); {@code new StoreModule(db)}
 * uses the given one (tests: {@link Database#inMemory} or {@link Database#embedded}).
 * {@link Clock} defaults to UTC system time; override it with {@code OptionalBinder.setBinding()}.
 */
public final class StoreModule extends AbstractModule {
    private final Optional<Database> database;

    public StoreModule() {
        this.database = Optional.empty();
    }

    public StoreModule(Database database) {
        this.database = Optional.of(requireNonNull(database, "database is null"));
    }

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
        bind(Transactions.class).in(Singleton.class);
        bind(UnitOfWork.class).to(Transactions.class);
        bind(Migrations.class).in(Singleton.class);
        bind(ContainerRepository.class).to(MyBatisContainerRepository.class).in(Singleton.class);
        bind(HostRepository.class).to(MyBatisHostRepository.class).in(Singleton.class);
        bind(NodeRepository.class).to(MyBatisNodeRepository.class).in(Singleton.class);
        bind(OperationJournal.class).to(MyBatisOperationJournal.class).in(Singleton.class);
        bind(DatabaseLease.class).to(MyBatisDatabaseLease.class).in(Singleton.class);
        bind(MachineSettings.class).to(MyBatisMachineSettings.class).in(Singleton.class);
        bind(DecisionLog.class).to(MyBatisDecisionLog.class).in(Singleton.class);
        bind(HistoryLog.class).to(MyBatisHistoryLog.class).in(Singleton.class);
        if (database.isPresent()) {
            Database fixed = database.get();
            bind(StoreConnection.class).toInstance(new StoreConnection(() -> fixed));
        } else {
            bind(StoreConnection.class).toProvider(FromOptions.class).in(Singleton.class);
        }
    }

    /** Resolves the database from the global options, lazily: a bad URL is reported on first use. */
    private static final class FromOptions implements Provider<StoreConnection> {
        private final GlobalOptions options;

        @Inject
        FromOptions(GlobalOptions options) {
            this.options = requireNonNull(options, "options is null");
        }

        @Override
        public StoreConnection get() {
            Supplier<Database> resolve = () -> options.dbUrl().map(Database::parse)
                    .map(db -> db.withPasswordIfAbsent(DbPassword.resolve(options.dbPasswordFile(), System.getenv())))
                    .orElseGet(() -> Database.embedded(DataHome.createPrivate(DataHome.antfleetDir())));
            return new StoreConnection(resolve);
        }
    }
}

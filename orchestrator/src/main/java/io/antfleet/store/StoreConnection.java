package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.ProcessManager;
import io.antfleet.fleet.ServiceName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The store's connection pool and MyBatis configuration, opened on first use and never before:
 * Guice builds singletons eagerly, and a command such as {@code --help} must not create a database.
 * The first session also applies pending migrations. Thread safe.
 */
public final class StoreConnection implements AutoCloseable {
    private static final int STATEMENT_TIMEOUT_SECONDS = 30;
    private static final int POOL_SIZE = 16;

    private final Supplier<Database> databaseSource;
    private Database database;
    private PooledDataSource dataSource;
    private SqlSessionFactory sessionFactory;

    StoreConnection(Supplier<Database> databaseSource) {
        this.databaseSource = requireNonNull(databaseSource, "databaseSource is null");
    }

    public synchronized Database database() {
        if (database == null) {
            database = databaseSource.get();
        }
        return database;
    }

    /**
     * A data source without a pool, for Flyway: it closes connections and then still asks them
     * questions, which a pooled connection, already back in the pool, refuses.
     */
    synchronized UnpooledDataSource unpooledDataSource() {
        Database db = database();
        Properties properties = new Properties();
        db.user().ifPresent(user -> properties.setProperty("user", user));
        db.password().ifPresent(password -> properties.setProperty("password", password));
        if (db.dialect() == Database.Dialect.MARIADB) {
            properties.setProperty("connectTimeout", "10000");
        }
        UnpooledDataSource unpooled = new UnpooledDataSource(
                db.dialect() == Database.Dialect.H2 ? "org.h2.Driver" : "org.mariadb.jdbc.Driver", db.url(), properties);
        unpooled.setLoginTimeout(10);
        return unpooled;
    }

    /** The pool; opening it connects to nothing until a connection is asked for. */
    synchronized PooledDataSource dataSource() {
        if (dataSource == null) {
            UnpooledDataSource unpooled = unpooledDataSource();
            PooledDataSource pool = new PooledDataSource(unpooled.getDriver(), unpooled.getUrl(), unpooled.getDriverProperties());
            pool.setPoolMaximumActiveConnections(POOL_SIZE);
            pool.setPoolMaximumIdleConnections(POOL_SIZE);
            pool.setLoginTimeout(10);
            // `antfleet run` lives for days; MariaDB drops connections idle past wait_timeout, so a
            // connection unused for a minute is checked before it is handed out.
            pool.setPoolPingEnabled(true);
            pool.setPoolPingQuery("SELECT 1");
            pool.setPoolPingConnectionsNotUsedFor(60_000);
            dataSource = pool;
        }
        return dataSource;
    }

    /** The session factory over a migrated schema. */
    synchronized SqlSessionFactory sessionFactory() {
        if (sessionFactory == null) {
            new Migrations(this).migrate();
            sessionFactory = new SqlSessionFactoryBuilder().build(newConfiguration());
        }
        return sessionFactory;
    }

    private Configuration newConfiguration() {
        Configuration configuration = new Configuration(new Environment("antfleet", new JdbcTransactionFactory(), dataSource()));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setDefaultStatementTimeout(STATEMENT_TIMEOUT_SECONDS);
        // Each statement reads the database, never a session cache that a concurrent writer made stale.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.getTypeHandlerRegistry().register(Instant.class, new UtcInstantTypeHandler());
        configuration.getTypeHandlerRegistry().register(ServiceName.class, new ServiceNameTypeHandler());
        configuration.getTypeHandlerRegistry().register(ProcessManager.class, new ProcessManagerTypeHandler());
        configuration.addMapper(MachineMapper.class);
        configuration.addMapper(ContainerMapper.class);
        configuration.addMapper(NodeMapper.class);
        configuration.addMapper(NodeReadingMapper.class);
        configuration.addMapper(OperationMapper.class);
        configuration.addMapper(LeaseMapper.class);
        configuration.addMapper(DecisionMapper.class);
        configuration.addMapper(HistoryMapper.class);
        configuration.addMapper(HostMapper.class);
        return configuration;
    }

    /**
     * Closes the pool's connections; the next use opens them again. An embedded file database closes
     * with its last connection (H2 does not close it at JVM exit: see {@link Database}); an in-memory one
     * opened with DB_CLOSE_DELAY=-1 lives on until {@link #close()}. The CLI calls this when a command ends,
     * also when SIGTERM ends it.
     */
    public synchronized void disconnect() {
        if (dataSource != null) {
            dataSource.forceCloseAll();
            dataSource = null;
            sessionFactory = null;
        }
    }

    /** Closes the pool; an in-memory H2 database is dropped with it. A second close does nothing. */
    @Override
    public synchronized void close() {
        if (database == null) {
            return;
        }
        disconnect();
        if (database.url().startsWith("jdbc:h2:mem:")) {
            shutdownInMemory();
        }
        database = null;
    }

    private void shutdownInMemory() {
        try (Connection connection = unpooledDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new StoreException("could not drop in-memory database " + database.displayUrl() + ": " + e.getMessage(), e);
        }
    }
}

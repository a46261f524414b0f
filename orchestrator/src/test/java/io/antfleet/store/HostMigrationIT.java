package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.Host;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V5 on a store that V1-V4 wrote: existing containers belong to the local host, and container
 * names and Docker ids become unique per host. On the embedded database and on MariaDB.
 */
class HostMigrationIT {
    @Test
    void anEmbeddedStoreWrittenBeforeHostsKeepsItsContainersOnTheLocalHost() throws Exception {
        Path dir = Files.createTempDirectory("antfleet-host-migration");
        Database database = Database.embedded(dir);
        String url = database.url();
        String user = database.user().orElse(null);
        String password = database.password().orElse(null);
        migrateToV4AndWriteAContainer(url, user, password);

        try (TestStore store = TestStore.embedded(dir)) {
            checkMigrated(store, () -> DriverManager.getConnection(url, user, password));
        }
    }

    @Test
    void aMariaDbStoreWrittenBeforeHostsKeepsItsContainersOnTheLocalHost() throws Exception {
        String name = TestMariaDb.freshName("store", "hostmigration");
        TestMariaDb.execute("CREATE DATABASE " + name);
        String url = TestMariaDb.urlFor(name);
        migrateToV4AndWriteAContainer(url, null, null);

        try (TestStore store = TestStore.mariaDbNamed(name)) {
            checkMigrated(store, () -> DriverManager.getConnection(url));
        }
    }

    private static void migrateToV4AndWriteAContainer(String url, String user, String password) throws SQLException {
        Flyway.configure(HostMigrationIT.class.getClassLoader()).dataSource(url, user, password)
                .locations(Migrations.LOCATION).target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO container (docker_id, name, process_manager) VALUES ('d0c1', 'home-alpha', 'antctl+sudo')");
        }
    }

    private static void checkMigrated(TestStore store, Jdbc jdbc) throws SQLException {
        assertThat(store.containers().findByName("home-alpha")).isPresent();
        Host far = store.hosts().record(new Host(null, "far", Optional.of(URI.create("unix:///run/far.sock")), Optional.empty()));
        try (Connection c = jdbc.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT host_id FROM container WHERE name = 'home-alpha'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1L);
            }
            s.executeUpdate("INSERT INTO container (host_id, docker_id, name, process_manager) VALUES (" + far.id()
                    + ", 'd0c1', 'home-alpha', 'antctl+sudo')");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO container (host_id, docker_id, name, process_manager)"
                    + " VALUES (" + far.id() + ", 'd0c2', 'home-alpha', 'antctl+sudo')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("container_host_name_unique");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO container (host_id, docker_id, name, process_manager)"
                    + " VALUES (1, 'd0c1', 'home-beta', 'antctl+sudo')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("container_host_docker_id_unique");
        }
    }

    private interface Jdbc {
        Connection connect() throws SQLException;
    }
}

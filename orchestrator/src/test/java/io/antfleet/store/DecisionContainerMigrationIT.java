package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V14 on a store that V1-V9 wrote: each decision gets the container row its Docker name named, where that
 * name was one container's; a name two hosts share is left without a row (which host's it was is not known), so
 * `status` never shows one host's self-upgrade on the other's node. On the embedded database and on MariaDB.
 */
class DecisionContainerMigrationIT {
    @Test
    void anEmbeddedStoresDecisionsGetTheirContainersRowWhereTheNameWasOneHostsOnly() throws Exception {
        Path dir = Files.createTempDirectory("antfleet-decision-migration");
        Database database = Database.embedded(dir);
        String url = database.url();
        String user = database.user().orElse(null);
        String password = database.password().orElse(null);
        migrateToV9AndWriteDecisions(url, user, password);

        try (TestStore store = TestStore.embedded(dir)) {
            checkMigrated(store, () -> DriverManager.getConnection(url, user, password));
        }
    }

    @Test
    void aMariaDbStoresDecisionsGetTheirContainersRowWhereTheNameWasOneHostsOnly() throws Exception {
        String name = TestMariaDb.freshName("store", "decisionmigration");
        TestMariaDb.execute("CREATE DATABASE " + name);
        String url = TestMariaDb.urlFor(name);
        migrateToV9AndWriteDecisions(url, null, null);

        try (TestStore store = TestStore.mariaDbNamed(name)) {
            checkMigrated(store, () -> DriverManager.getConnection(url));
        }
    }

    private static void migrateToV9AndWriteDecisions(String url, String user, String password) throws SQLException {
        Flyway.configure(DecisionContainerMigrationIT.class.getClassLoader()).dataSource(url, user, password)
                .locations(Migrations.LOCATION).target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO host (id, name, endpoint) VALUES (7, 'far', 'unix:///run/far.sock')");
            s.executeUpdate("INSERT INTO container (host_id, name, process_manager) VALUES (1, 'home-alpha', 'antctl+sudo')");
            s.executeUpdate("INSERT INTO container (host_id, name, process_manager) VALUES (1, 'home-beta', 'antctl+sudo')");
            s.executeUpdate("INSERT INTO container (host_id, name, process_manager) VALUES (7, 'home-beta', 'antctl+sudo')");
            for (String[] d : new String[][] {{"SELF_UPGRADE", "'home-alpha'"}, {"SELF_UPGRADE", "'home-beta'"},
                    {"SURVEY", "NULL"}, {"START", "'home-gone'"}}) {
                s.executeUpdate("INSERT INTO run_decision (decided_at, action, container, services, node_count, reason, outcome)"
                        + " VALUES (TIMESTAMP '2026-12-06 12:00:00', '" + d[0] + "', " + d[1] + ", 'antnode1', 1,"
                        + " 'antnode upgraded itself from 0.4.17 to 0.4.18 (x)', 'NOT_RUN')");
            }
        }
    }

    private static void checkMigrated(TestStore store, Jdbc jdbc) throws SQLException {
        long alpha = store.containers().findByName("local", "home-alpha").orElseThrow().id();
        Map<String, Long> byContainer = new HashMap<>();
        try (Connection c = jdbc.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT action, container, container_id FROM run_decision")) {
            while (rs.next()) {
                String key = rs.getString(1) + " " + rs.getString(2);
                long id = rs.getLong(3);
                byContainer.put(key, rs.wasNull() ? null : id);
            }
        }
        assertThat(byContainer).containsEntry("SELF_UPGRADE home-alpha", alpha).containsEntry("SELF_UPGRADE home-beta", null)
                .containsEntry("SURVEY null", null).containsEntry("START home-gone", null).hasSize(4);
        assertThat(store.get(DecisionLog.class).recentOf("SELF_UPGRADE", alpha, 10)).singleElement()
                .satisfies(d -> assertThat(d.container()).isEqualTo("home-alpha"));
        for (String host : new String[] {"local", "far"}) {
            long beta = store.containers().findByName(host, "home-beta").orElseThrow().id();
            assertThat(store.get(DecisionLog.class).recentOf("SELF_UPGRADE", beta, 10)).isEmpty();
        }
    }

    private interface Jdbc {
        Connection connect() throws SQLException;
    }
}

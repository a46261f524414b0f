package io.antfleet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.cli.CliRun;
import io.antfleet.cli.ExitCodes;
import io.antfleet.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database whose schema a newer antfleet wrote (version 99 in Flyway's history, a table this binary does
 * not know): {@code db status}, {@code db migrate} and a command that opens the store all exit 1 naming
 * both versions, and the database is left as it was. On MariaDB and on the embedded database.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FutureSchemaIT {
    @TempDir
    Path dir;

    @Test
    void aMariaDbSchemaFromANewerAntfleetIsRefusedByEveryCommandAndLeftAsItWas() throws Exception {
        try (FaultStore store = FaultStore.create("future")) {
            refusedEverywhere(store.url(), store.url());
        }
    }

    @Test
    void anEmbeddedSchemaFromANewerAntfleetIsRefusedByEveryCommandAndLeftAsItWas() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("antfleet");
        refusedEverywhere(url, Database.parse(url).url());
    }

    private static void refusedEverywhere(String url, String jdbcUrl) throws SQLException {
        assertThat(CliRun.of("--db", url, "db", "migrate").code()).isZero();
        String before;
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE from_the_future (id INT)");
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__from_the_future.sql', 0, 'antfleet-next', CURRENT_TIMESTAMP, 1, TRUE)");
            before = history(s);
        }

        for (String[] args : List.of(new String[] {"db", "status"}, new String[] {"db", "migrate"},
                new String[] {"--output", "json", "db", "status"}, new String[] {"status"}, new String[] {"report", "node-status"})) {
            List<String> all = new ArrayList<>(List.of("--db", url));
            all.addAll(List.of(args));
            CliRun r = CliRun.of(all);

            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err()).as(String.join(" ", args)).contains("has schema version 99, newer than this antfleet knows (",
                    "use that version or a later one");
        }
        try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
            assertThat(history(s)).isEqualTo(before);
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        Database db = Database.parse(jdbcUrl);
        return DriverManager.getConnection(db.url(), db.user().orElse(null), db.password().orElse(null));
    }

    private static String history(Statement s) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet r = s.executeQuery("SELECT installed_rank, version, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (r.next()) {
                out.append(r.getInt(1)).append(' ').append(r.getString(2)).append(' ').append(r.getBoolean(3)).append('\n');
            }
        }
        return out.toString();
    }
}

package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.antfleet.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code antfleet db migrate|status} through {@link Main#run}, on a fresh embedded and a fresh MariaDB database. */
class DbCommandIT {
    @TempDir
    Path dataHome;

    @BeforeEach
    void useTempDataHome() {
        System.setProperty(DataHome.PROPERTY, dataHome.toString());
    }

    @AfterEach
    void restoreDataHome() {
        System.clearProperty(DataHome.PROPERTY);
    }

    @Test
    void onAFreshEmbeddedDatabaseStatusShowsPendingMigrateAppliesThemAndAgainIsANoOp() {
        assertThat(run("db", "status")).contains("schema version: none", "pending migrations: " + SchemaFiles.count());

        assertThat(run("db", "migrate")).contains("applied " + SchemaFiles.count() + " migrations; schema version " + SchemaFiles.latest());
        assertThat(run("db", "migrate")).contains("up to date at version " + SchemaFiles.latest() + "; nothing to migrate");

        assertThat(run("db", "status")).contains("schema version: " + SchemaFiles.latest(), "pending migrations: 0",
                dataHome.resolve("antfleet").resolve("antfleet").toString());
        assertThat(Files.exists(dataHome.resolve("antfleet").resolve("antfleet.mv.db"))).isTrue();
    }

    @Test
    void onAFreshMariaDbDatabaseMigrateAndStatusWorkWithDbAfterTheSubcommand() {
        String name = TestMariaDb.freshName("store", "cli");
        TestMariaDb.execute("CREATE DATABASE " + name);
        try {
            String url = TestMariaDb.urlFor(name);
            assertThat(run("db", "status", "--db", url)).contains("pending migrations: " + SchemaFiles.count());
            assertThat(run("--db", url, "db", "migrate")).contains("applied " + SchemaFiles.count() + " migrations; schema version " + SchemaFiles.latest());
            assertThat(run("db", "migrate", "--db", url)).contains("nothing to migrate");
            assertThat(run("--output", "json", "--db", url, "db", "status")).contains("\"version\":\"" + SchemaFiles.latest() + "\",\"pending\":0")
                    .contains("password=***");
        } finally {
            TestMariaDb.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    @Test
    void theEmbeddedDatabasesDirectoryIsOwnerOnly() throws Exception {
        run("db", "status");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataHome.resolve("antfleet"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aPasswordFromAFileReachesMariaDbAndOnlyAPasswordInDbOnTheCommandLineIsWarnedOf() throws Exception {
        String name = TestMariaDb.freshName("store", "secret");
        TestMariaDb.execute("CREATE DATABASE " + name);
        try {
            String url = TestMariaDb.urlFor(name);
            String password = url.replaceFirst(".*[?&]password=([^&]*).*", "$1");
            Path file = Files.writeString(dataHome.resolve("db-password"), password + "\n");
            String withoutPassword = url.replaceFirst("[?&]password=[^&]*", "");
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "--db", withoutPassword, "db", "status",
                    "--db-password-file", file.toString());

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
            err.reset();
            code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "db", "status", "--db", url);
            assertThat(code).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: the password in --db can be read by other"
                    + " local users").contains("--db-password-file").doesNotContain(password);
        } finally {
            TestMariaDb.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    @Test
    void helpCreatesNoDatabase() throws Exception {
        assertThat(run("--help")).contains("db");
        assertThat(run("db", "--help")).contains("migrate", "status");

        try (var files = Files.list(dataHome)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aSecondProcessOnTheEmbeddedDatabaseIsToldItIsInUse() throws Exception {
        String url = Database.embedded(dataHome.resolve("antfleet")).url();
        Process holder = TwoProcessContract.start("lease", url, "in-use", "first-process", "60000");
        try {
            assertThat(CompletableFuture.supplyAsync(() -> TwoProcessContract.firstLine(holder)).get(2, TimeUnit.MINUTES))
                    .isEqualTo("HELD");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "db", "status");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("is in use by another antfleet process");
        } finally {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadDatabaseUrlFailsWithAClearMessageAndExitCodeOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--db", "jdbc:oracle:thin:@x", "db", "status");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unsupported database URL 'jdbc:oracle:thin:@x'");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        assertThat(code).as("exit code of %s; stderr: %s", String.join(" ", args), err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}

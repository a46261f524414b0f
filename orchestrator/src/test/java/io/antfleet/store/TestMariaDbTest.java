package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMariaDbTest {
    @TempDir
    Path home;

    @Test
    void theTestsReadTheUrlFromTheFileSetupHostWrites() throws Exception {
        Path file = home.resolve(".config/antfleet/test-mariadb.url");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "jdbc:mariadb://127.0.0.1:3306/antfleet_test?user=antfleet_test&password=Zx9\n");

        assertThat(TestMariaDb.configuredUrl(Map.of(), home))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/antfleet_test?user=antfleet_test&password=Zx9");
    }

    @Test
    void theEnvironmentUrlOverridesTheFile() throws Exception {
        Path file = home.resolve(".config/antfleet/test-mariadb.url");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "jdbc:mariadb://127.0.0.1:3306/antfleet_test?user=a&password=b\n");

        assertThat(TestMariaDb.configuredUrl(Map.of("ANTFLEET_TEST_MARIADB_URL", "jdbc:mariadb://db:3307/x?user=u"), home))
                .isEqualTo("jdbc:mariadb://db:3307/x?user=u");
    }

    @Test
    void withoutFileOrEnvironmentTheErrorSaysWhatWritesTheFile() {
        assertThatThrownBy(() -> TestMariaDb.configuredUrl(Map.of(), home))
                .hasMessageContaining("bin/setup-host --mariadb").hasMessageContaining("test-mariadb.url");
    }

    @Test
    void testDatabasesAreNamedWithinTheTestUsersGrant() {
        assertThat(TestMariaDb.freshName("store", "Cli")).matches("antfleet_test_store_cli_[0-9a-f]{8}");
    }
}

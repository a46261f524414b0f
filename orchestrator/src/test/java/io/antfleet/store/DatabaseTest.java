package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    @Test
    void aMariaDbUrlKeepsItsCredentialsAndHidesThePasswordWhenShown() {
        Database db = Database.parse("jdbc:mariadb://127.0.0.1:3306/antfleet?user=ant&password=s%26cret");

        assertThat(db.dialect()).isEqualTo(Database.Dialect.MARIADB);
        assertThat(db.user()).contains("ant");
        assertThat(db.password()).contains("s&cret");
        assertThat(db.displayUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/antfleet?user=ant&password=***");
        assertThat(db.toString()).doesNotContain("cret");
    }

    @Test
    void aMariaDbUrlWithoutCredentialsOrPortIsValid() {
        Database db = Database.parse("jdbc:mariadb://db.example/fleet");

        assertThat(db.user()).isEmpty();
        assertThat(db.password()).isEmpty();
    }

    @Test
    void aMariaDbUrlWithoutADatabaseNameIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> Database.parse("jdbc:mariadb://127.0.0.1:3306/?user=a"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a database name")
                .hasMessageContaining("jdbc:mariadb://HOST[:PORT]/DATABASE");
    }

    @Test
    void aMariaDbUrlWithoutAHostIsRefused() {
        assertThatThrownBy(() -> Database.parse("jdbc:mariadb:///antfleet"))
                .isInstanceOf(StoreException.class).hasMessageContaining("no host");
    }

    @Test
    void anUnsupportedDatabaseIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> Database.parse("jdbc:postgresql://h/db?password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unsupported database URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aMysqlUrlIsRefusedPointingToTheMariaDbForm() {
        assertThatThrownBy(() -> Database.parse("jdbc:mysql://h/db"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jdbc:mariadb://");
    }

    @Test
    void anH2UrlGetsMariaDbCompatibilityUnlessItChoseAMode() {
        assertThat(Database.parse("jdbc:h2:mem:x").url()).isEqualTo("jdbc:h2:mem:x" + Database.H2_OPTIONS);
        assertThat(Database.parse("jdbc:h2:mem:x;MODE=MySQL").url()).isEqualTo("jdbc:h2:mem:x;MODE=MySQL");
        assertThat(Database.parse("jdbc:h2:mem:x").dialect()).isEqualTo(Database.Dialect.H2);
    }

    @Test
    void anH2UrlWithInitIsRefusedWhateverItsCaseOrSpacing() {
        for (String url : List.of("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://127.0.0.1/x.sql'",
                "jdbc:h2:file:/tmp/x;MODE=MariaDB;init=CREATE ALIAS X AS 'void x() {}'", "jdbc:h2:mem:x; Init =SELECT 1")) {
            assertThatThrownBy(() -> Database.parse(url)).as(url)
                    .isInstanceOf(StoreException.class).hasMessageContaining("INIT=");
        }
        assertThat(Database.parse("jdbc:h2:mem:initial").dialect()).isEqualTo(Database.Dialect.H2);
    }

    @Test
    void theEmbeddedDatabaseIsAFileNamedAntfleetInTheGivenDirectory() {
        assertThat(Database.embedded(Path.of("/data/antfleet")).url())
                .startsWith("jdbc:h2:file:/data/antfleet/antfleet;MODE=MariaDB");
    }

    @Test
    void anInMemoryDatabaseNameMustBeASimpleWord() {
        assertThat(Database.inMemory("store_test_1").url()).startsWith("jdbc:h2:mem:store_test_1;");
        assertThatThrownBy(() -> Database.inMemory("a;INIT=RUNSCRIPT")).isInstanceOf(StoreException.class);
    }

    @Test
    void theDataHomeIsXdgDataHomeOrTheDefaultAndTheOverrideWins() {
        assertThat(DataHome.antfleetDir(Map.of(), Optional.empty(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/antfleet"));
        assertThat(DataHome.antfleetDir(Map.of("XDG_DATA_HOME", "/xdg"), Optional.empty(), "/home/u"))
                .isEqualTo(Path.of("/xdg/antfleet"));
        assertThat(DataHome.antfleetDir(Map.of("XDG_DATA_HOME", "relative"), Optional.empty(), "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/antfleet"));
        assertThat(DataHome.antfleetDir(Map.of("XDG_DATA_HOME", "/xdg"), Optional.of("/tmp/t"), "/home/u"))
                .isEqualTo(Path.of("/tmp/t/antfleet"));
    }

    @Test
    void servicesOfAnOperationRoundTripThroughOneColumn() {
        assertThat(ServiceListTypeHandler.decode(ServiceListTypeHandler.encode(java.util.List.of("antnode1", "antnode12"))))
                .containsExactly("antnode1", "antnode12");
        assertThat(ServiceListTypeHandler.decode("")).isEmpty();
        assertThatThrownBy(() -> ServiceListTypeHandler.encode(java.util.List.of("a,b")))
                .isInstanceOf(StoreException.class).hasMessageContaining("'a,b'");
    }
}

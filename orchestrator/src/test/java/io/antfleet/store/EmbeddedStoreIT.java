package io.antfleet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store's contract on the embedded H2 file database (MODE=MariaDB), in a temp dir. */
class EmbeddedStoreIT extends StoreContracts {
    private static Path dir;
    private static TestStore store;

    @BeforeAll
    static void open() throws Exception {
        dir = Files.createTempDirectory("antfleet-store-it");
        store = TestStore.embedded(dir);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected TestStore store() {
        return store;
    }
}

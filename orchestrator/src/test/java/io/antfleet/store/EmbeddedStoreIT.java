package io.antfleet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store's contract on the embedded H2 file database (MODE=MariaDB), in a temp dir. */
class EmbeddedStoreIT {
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

    @Nested
    class Containers extends ContainerContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }

    @Nested
    class Hosts extends HostContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }

    @Nested
    class Nodes extends NodeContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }

    @Nested
    class JournalAndSettings extends JournalAndSettingsContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }

    @Nested
    class History extends HistoryContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }

    @Nested
    class Lease extends LeaseContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }
}

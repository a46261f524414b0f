package io.antfleet.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store's contract on a fresh MariaDB database, dropped afterwards; plus what needs a second process. */
class MariaDbStoreIT {
    private static TestStore store;

    @BeforeAll
    static void open() {
        store = TestStore.mariaDb("it");
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

    @Nested
    class TwoProcesses extends TwoProcessContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }
}

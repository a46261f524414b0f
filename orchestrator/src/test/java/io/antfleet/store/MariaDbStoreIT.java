package io.antfleet.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store's contract on a fresh MariaDB database, dropped afterwards; plus what needs a second process. */
class MariaDbStoreIT extends StoreContracts {
    private static TestStore store;

    @BeforeAll
    static void open() {
        store = TestStore.mariaDb("it");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    protected TestStore store() {
        return store;
    }

    @Nested
    class TwoProcesses extends TwoProcessContract {
        @Override
        protected TestStore store() {
            return store;
        }
    }
}

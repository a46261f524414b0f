package io.antfleet.store;

import org.junit.jupiter.api.Nested;

/**
 * The store's contracts, each a nested test class, on the database a subclass opens and hands out as
 * {@link #store()} (EmbeddedStoreIT, MariaDbStoreIT): one list of contracts for every database.
 */
abstract class StoreContracts {
    protected abstract TestStore store();

    @Nested
    class Containers extends ContainerContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }

    @Nested
    class Hosts extends HostContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }

    @Nested
    class Nodes extends NodeContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }

    @Nested
    class JournalAndSettings extends JournalAndSettingsContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }

    @Nested
    class History extends HistoryContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }

    @Nested
    class Lease extends LeaseContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        @Override
        protected TestStore store() {
            return StoreContracts.this.store();
        }
    }
}

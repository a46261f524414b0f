package io.antfleet.engine;

import io.antfleet.store.ContainerRepository;
import io.antfleet.store.NodeRepository;
import io.antfleet.store.OperationJournal;

/** The database an integration test writes to, with a snapshot of everything for "unchanged" checks. */
interface ItStore {
    ContainerRepository containers();

    NodeRepository nodes();

    OperationJournal journal();

    /** Every container, node and operation row, rendered for comparison. */
    String snapshot();

    static ItStore create() {
        MemoryStore memory = new MemoryStore();
        return new ItStore() {
            @Override
            public ContainerRepository containers() {
                return memory.containers;
            }

            @Override
            public NodeRepository nodes() {
                return memory.nodes;
            }

            @Override
            public OperationJournal journal() {
                return memory.journal;
            }

            @Override
            public String snapshot() {
                return memory.snapshot();
            }
        };
    }
}

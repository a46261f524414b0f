package io.antfleet.standin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * One stand-in container per test class, with both registries emptied before each test, so every
 * contract test starts from a fresh antctl without paying for a new container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContractTestBase {
    static final String ROOT = "root";

    StandinContainer agent;

    /** A short name that tells this class's container apart from the others'. */
    abstract String containerName();

    @BeforeAll
    void startContainer() {
        agent = new StandinContainer(containerName());
    }

    @AfterAll
    void stopContainer() {
        if (agent != null) {
            agent.close();
        }
    }

    @BeforeEach
    void emptyRegistries() {
        agent.resetAll();
    }
}

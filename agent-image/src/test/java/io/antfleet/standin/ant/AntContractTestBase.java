package io.antfleet.standin.ant;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * One container per test class; each test gets a fresh {@link AntAgent.World} (its own data dir, registry and
 * daemon), and its daemon and nodes are stopped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
abstract class AntContractTestBase {
    AntAgent agent;
    AntAgent.World ant;

    @BeforeAll
    void startContainer() {
        agent = new AntAgent(getClass().getSimpleName().replace("ContractIT", "").replace("Ant", "").toLowerCase());
    }

    @AfterAll
    void stopContainer() {
        if (agent != null) {
            agent.close();
        }
    }

    @BeforeEach
    void newWorld() {
        ant = agent.world();
    }

    @AfterEach
    void stopWorld() {
        ant.shutdown();
    }
}

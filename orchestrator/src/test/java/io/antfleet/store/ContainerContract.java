package io.antfleet.store;

import static io.antfleet.store.Fixtures.container;
import static io.antfleet.store.Fixtures.node;
import static io.antfleet.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antfleet.fleet.Container;
import io.antfleet.fleet.ProcessManager;
import org.junit.jupiter.api.Test;

/** What every database must do with the container table. */
abstract class ContainerContract {
    protected abstract TestStore store();

    @Test
    void aContainerRoundTripsEveryField() {
        Container inserted = store().containers().insert(container(unique("alpha")));

        assertThat(inserted.id()).isNotNull();
        assertThat(store().containers().findById(inserted.id())).contains(inserted);
        assertThat(store().containers().findByName(inserted.name())).contains(inserted);
        assertThat(store().containers().findByDockerId(inserted.dockerId())).contains(inserted);
    }

    @Test
    void aContainerWithoutPortsOrDockerIdRoundTrips() {
        Container bare = new Container(null, null, unique("imported"), null, null, null, ProcessManager.ANTCTL_USER,
                null, null, null);

        Container inserted = store().containers().insert(bare);

        assertThat(store().containers().findById(inserted.id())).contains(inserted);
    }

    @Test
    void anUpdateRewritesEveryColumn() {
        Container inserted = store().containers().insert(container(unique("beta")));
        Container changed = new Container(inserted.id(), "newdockerid" + inserted.id(), unique("beta-renamed"), "img:2",
                "exited", "bridge", ProcessManager.ANTCTL_USER, null, inserted.createdAt(), Fixtures.T0.plusSeconds(60));

        store().containers().update(changed);

        assertThat(store().containers().findById(inserted.id())).contains(changed);
    }

    @Test
    void aSecondContainerWithTheSameNameIsRefusedNamingIt() {
        Container first = store().containers().insert(container(unique("gamma")));

        assertThatThrownBy(() -> store().containers().insert(container(first.name())))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'" + first.name() + "'");
    }

    @Test
    void aSecondContainerWithTheSameDockerIdIsRefusedNamingIt() {
        Container first = store().containers().insert(container(unique("delta")));
        Container twin = new Container(null, first.dockerId(), unique("delta-twin"), null, null, null,
                ProcessManager.ANTCTL_USER, null, null, null);

        assertThatThrownBy(() -> store().containers().insert(twin))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(first.dockerId());
    }

    @Test
    void theSameNameAndDockerIdOnTwoHostsAreTwoContainersFoundPerHostAndAnUpdateKeepsTheHost() {
        String far = unique("far");
        store().hosts().record(new io.antfleet.fleet.Host(null, far, java.util.Optional.of(java.net.URI.create("unix:///run/"
                + far + ".sock")), java.util.Optional.empty()));
        Container local = store().containers().insert(container(unique("epsilon")));
        Container remote = store().containers().insert(local.withId(null).onHost(far));

        assertThat(remote.id()).isNotEqualTo(local.id());
        assertThat(store().containers().findByName(far, local.name())).contains(remote);
        assertThat(store().containers().findByDockerId(far, local.dockerId())).contains(remote);
        assertThat(store().containers().find("local", local.dockerId(), local.name())).contains(local);
        assertThat(store().containers().findByName(local.name())).as("local first").contains(local);
        assertThat(store().containers().findAllByName(local.name())).as("every host's, local first").containsExactly(local, remote);
        store().containers().update(new Container(remote.id(), remote.dockerId(), remote.name(), remote.image(), "exited",
                remote.networkMode(), remote.processManager(), remote.ports(), remote.createdAt(), remote.updatedAt()));
        assertThat(store().containers().findById(remote.id()).orElseThrow().host()).isEqualTo(far);
    }

    @Test
    void findAllListsContainersByName() {
        String prefix = unique("order");
        store().containers().insert(container(prefix + "-b"));
        store().containers().insert(container(prefix + "-a"));

        assertThat(store().containers().findAll()).extracting(Container::name)
                .filteredOn(name -> name.startsWith(prefix))
                .containsExactly(prefix + "-a", prefix + "-b");
    }

    @Test
    void deletingAContainerDeletesItsNodes() {
        Container doomed = store().containers().insert(container(unique("doomed")));
        store().nodes().insert(node(doomed.id(), 1));

        store().containers().delete(doomed.id());

        assertThat(store().containers().findById(doomed.id())).isEmpty();
        assertThat(store().nodes().findByContainer(doomed.id())).isEmpty();
    }

    @Test
    void updatingAMissingContainerFails() {
        Container ghost = container(unique("ghost")).withId(987654321L);

        assertThatThrownBy(() -> store().containers().update(ghost))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("987654321");
    }
}

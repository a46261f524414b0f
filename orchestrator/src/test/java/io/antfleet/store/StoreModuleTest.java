package io.antfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreModuleTest {
    @Test
    void buildingTheInjectorEagerlyOpensNoDatabaseEvenWithABadUrl() {
        GlobalOptions options = new GlobalOptions(Optional.of("jdbc:nonsense"), Optional.empty(),
                GlobalOptions.defaults().output(), false);

        var injector = Bootstrap.injector(List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(GlobalOptions.class).toInstance(options);
            }
        }, new StoreModule()));

        NodeRepository nodes = injector.getInstance(NodeRepository.class);
        assertThat(nodes).isInstanceOf(MyBatisNodeRepository.class);
        assertThat(injector.getInstance(DatabaseLease.class)).isInstanceOf(MyBatisDatabaseLease.class);
        // the database is opened on first use, and only then is the bad URL an error
        assertThatThrownBy(nodes::findAll).isInstanceOf(RuntimeException.class).hasMessageContaining("jdbc:nonsense");
    }

    @Test
    void anInMemoryStoreIsMigratedOnFirstUseAndGoneWhenClosed() {
        var injector = Bootstrap.injector(List.of(new StoreModule(Database.inMemory("store_module_test"))));
        StoreConnection connection = injector.getInstance(StoreConnection.class);

        assertThat(injector.getInstance(MachineSettings.class).get("node_cap")).contains("20");
        connection.close();

        var again = Bootstrap.injector(List.of(new StoreModule(Database.inMemory("store_module_test"))));
        assertThat(again.getInstance(Migrations.class).status().version()).isNull();
        again.getInstance(StoreConnection.class).close();
    }
}

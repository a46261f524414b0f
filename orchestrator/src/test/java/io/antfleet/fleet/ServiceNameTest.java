package io.antfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ServiceNameTest {
    @Test
    void numberIsTheDigitsAfterAntnode() {
        assertThat(ServiceName.of("antnode17").number()).isEqualTo(17);
        assertThat(ServiceName.ofNumber(3)).isEqualTo(ServiceName.of("antnode3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"antnode", "antnode0", "antnode01", "antnode1;rm", "antnode$(id)", "antnode 1", "nodes1", "node0", "node-1", "ANTNODE1", ""})
    void hostileOrMalformedNamesAreRejected(String name) {
        assertThatThrownBy(() -> ServiceName.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid service name");
        assertThat(ServiceName.isValid(name)).isFalse();
    }

    @Test
    void antNodeNamesAreNodeAndANumber() {
        assertThat(ServiceName.of("node12").number()).isEqualTo(12);
        assertThat(ServiceName.of("node12").prefix()).isEqualTo(ServiceName.ANT_PREFIX);
        assertThat(ServiceName.ofNumber(ServiceName.ANT_PREFIX, 3)).isEqualTo(ServiceName.of("node3"));
    }

    @Test
    void namesSortByNumberNotByText() {
        assertThat(ServiceName.of("antnode10")).isGreaterThan(ServiceName.of("antnode9"));
    }
}

package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed spec of {@link MalformedSpecCorpus} is rejected with exactly its one problem. */
class MalformedSpecTest {
    private final SpecLoader loader = new SpecLoader();

    static Stream<Arguments> cases() {
        return MalformedSpecCorpus.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedSpecIsRejectedWithFileLineColumnAndMessage(String name, String text, String expected) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> loader.parse("s.yaml", text));

        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage().lines().findFirst().orElse("")).startsWith(expected);
        assertThat(e.problems()).as("problems of " + name).hasSize(1);
    }
}

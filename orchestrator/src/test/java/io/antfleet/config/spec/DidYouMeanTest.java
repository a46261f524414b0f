package io.antfleet.config.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void theDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("nodes", "nodes")).isZero();
        assertThat(DidYouMean.distance("node", "nodes")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void aCloseMisspellingIsSuggestedIgnoringCase() {
        assertThat(DidYouMean.suggest("blocksize", List.of("node", "blockSize"))).contains("blockSize");
        assertThat(DidYouMean.suggest("proccessManager", List.of("processManager", "image"))).contains("processManager");
    }

    @Test
    void somethingFarFromEveryKeyHasNoSuggestion() {
        assertThat(DidYouMean.suggest("colour", List.of("nodes", "limits", "name"))).isEmpty();
    }
}

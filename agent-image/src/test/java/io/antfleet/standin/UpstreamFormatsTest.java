package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The upstream format table tells lines the real tool prints from lines it cannot print. */
class UpstreamFormatsTest {
    @Test
    void aFailureLineHasNoLeadingSpaceUnlikeTheAddedLines() {
        assertThat(UpstreamFormats.unknownLines("✕ antnode1: boom\n ✓ antnode2\n")).isEmpty();
        assertThat(UpstreamFormats.unknownLines(" ✕ antnode1: boom\n")).containsExactly(" ✕ antnode1: boom");
    }

    @Test
    void linesTheRealToolNeverPrintsAreCaught() {
        assertThat(UpstreamFormats.unknownLines("Service antnode1 created successfully\n"
                + "Downloading antnode from file:///opt/antnode/0.4.17/antnode...\n")).hasSize(2);
    }

    @Test
    void theStatusTableHeaderHasTheUpstreamColumnWidths() {
        String header = String.format("%-18s %-52s %-7s %15s %s", "Service Name", "Peer ID", "Status",
                "Connected Peers", "Failure");

        assertThat(UpstreamFormats.unknownLines(header)).isEmpty();
        assertThat(UpstreamFormats.unknownLines(header.replace("Status  ", "Status "))).hasSize(1);
    }
}

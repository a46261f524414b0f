package io.antfleet.standin;

/** A runtime failure in color-eyre's style: {@code Error: } then {@code    0: <message>}, exit code 1. */
final class Failure extends RuntimeException {
    private final int exitCode;
    private final String suggestion;

    Failure(String message) {
        this(message, 1);
    }

    Failure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
        this.suggestion = null;
    }

    /** With color-eyre's {@code Suggestion:} section, as the real tool adds to some errors. */
    Failure(String message, String suggestion) {
        super(message);
        this.exitCode = 1;
        this.suggestion = suggestion;
    }

    int exitCode() {
        return exitCode;
    }

    String render() {
        return "Error: \n   0: " + getMessage() + "\n" + (suggestion == null ? "" : "\nSuggestion: " + suggestion + "\n");
    }
}

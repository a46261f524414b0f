package io.antfleet.standin;

/** A runtime failure in color-eyre's style: {@code Error: } then {@code    0: <message>}, exit code 1. */
final class Failure extends RuntimeException {
    private final int exitCode;

    Failure(String message) {
        this(message, 1);
    }

    Failure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    String render() {
        return "Error: \n   0: " + getMessage() + "\n";
    }
}

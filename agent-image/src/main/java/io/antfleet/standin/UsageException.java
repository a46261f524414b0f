package io.antfleet.standin;

/** A command-line error in clap's style: printed as {@code error: ...} plus a Usage line, exit code 2. */
final class UsageException extends RuntimeException {
    private final String usage;

    UsageException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    String render() {
        return "error: " + getMessage() + "\n\nUsage: " + usage + "\n\nFor more information, try '--help'.\n";
    }
}

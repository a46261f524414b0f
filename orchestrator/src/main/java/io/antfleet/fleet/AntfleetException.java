package io.antfleet.fleet;

/**
 * The one unchecked root of every antfleet error. Subtypes exist only at boundaries
 * (antctl, docker, store, spec); messages name the entity and the bad value.
 */
public class AntfleetException extends RuntimeException {
    public AntfleetException(String message) {
        super(message);
    }

    public AntfleetException(String message, Throwable cause) {
        super(message, cause);
    }
}

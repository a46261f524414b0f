package io.antfleet.store;

import io.antfleet.fleet.AntfleetException;

/** A database failure, with a message that names the entity and the values involved. */
public class StoreException extends AntfleetException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.antfleet.engine;

import io.antfleet.fleet.AntfleetException;

/** A {@code --host} that names no recorded host: a usage error (exit 2), raised before anything is touched. */
public class UnknownHostNameException extends AntfleetException {
    public UnknownHostNameException(String message) {
        super(message);
    }
}

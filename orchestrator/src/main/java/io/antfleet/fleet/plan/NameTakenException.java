package io.antfleet.fleet.plan;

import io.antfleet.fleet.AntfleetException;

/** A spec container whose Docker name another fleet's container holds: refused before anything is done (exit 2). */
public final class NameTakenException extends AntfleetException {
    public NameTakenException(String message) {
        super(message);
    }
}

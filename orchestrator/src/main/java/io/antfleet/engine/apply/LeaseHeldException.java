package io.antfleet.engine.apply;

import io.antfleet.fleet.AntfleetException;

/** Another orchestrator holds the database lease, so this one changed nothing. Exit code 3. */
public final class LeaseHeldException extends AntfleetException {
    public LeaseHeldException(String message) {
        super(message);
    }
}

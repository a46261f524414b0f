package io.antfleet.antctl;

import io.antfleet.fleet.AntfleetException;

/** antctl is missing or of a version antfleet refuses to drive; the message says how to fix it. */
public class UnsupportedAntctlException extends AntfleetException {
    public UnsupportedAntctlException(String message) {
        super(message);
    }
}

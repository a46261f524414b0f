package io.antfleet.probe;

import io.antfleet.fleet.AntfleetException;

/** The probe could not be run in a container, or it failed there; the message names the container. */
public class ProbeException extends AntfleetException {
    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }

    public ProbeException(String message) {
        super(message);
    }
}

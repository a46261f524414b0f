package io.antfleet.probe;

import io.antfleet.fleet.AntfleetException;

/** A probe answer that is not a probe document at all (not JSON, too large, another format): nothing in it is used. */
public class ProbeFormatException extends AntfleetException {
    public ProbeFormatException(String message) {
        super(message);
    }
}

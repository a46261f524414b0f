package io.antfleet.serve;

import io.antfleet.fleet.AntfleetException;

/** A request the dashboard refuses, with the HTTP status to answer (400, 403, 404, 409). */
public final class BadRequestException extends AntfleetException {
    private final int status;

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

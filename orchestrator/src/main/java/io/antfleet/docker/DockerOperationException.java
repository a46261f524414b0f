package io.antfleet.docker;

import io.antfleet.fleet.AntfleetException;

/** Docker itself failed (daemon unreachable, container missing, exec timed out); names the container. */
public class DockerOperationException extends AntfleetException {
    public DockerOperationException(String message) {
        super(message);
    }

    public DockerOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}

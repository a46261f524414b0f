package io.antfleet.docker;

/**
 * The engine itself did not answer (socket refused or gone, connect timeout) or refused this client (TLS): not a
 * bad request about one container. Whatever works across hosts reports it once for the host and carries on with
 * the others.
 */
public class EngineUnreachableException extends DockerOperationException {
    public EngineUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

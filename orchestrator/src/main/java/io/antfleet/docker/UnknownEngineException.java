package io.antfleet.docker;

/** A host name that no recorded engine answers to; the message names it (and the known ones). */
public class UnknownEngineException extends DockerOperationException {
    public UnknownEngineException(String message) {
        super(message);
    }
}

package io.antfleet.metrics;

import io.antfleet.fleet.AntfleetException;

/** A metrics body that is not valid OpenMetrics text, or lacks a series the reader needs. */
public class MetricsFormatException extends AntfleetException {
    public MetricsFormatException(String message) {
        super(message);
    }
}

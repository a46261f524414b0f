package io.antfleet.fleet;

/** Where a journaled operation stands. A crash leaves it PENDING, which reconciliation looks for. */
public enum OperationState {
    PENDING,
    DONE,
    FAILED
}

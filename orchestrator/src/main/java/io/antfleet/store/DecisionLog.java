package io.antfleet.store;

import java.util.List;

/** The decisions {@code antfleet run} took, with their reasons (table run_decision). Thread safe. */
public interface DecisionLog {
    /** Stores one cycle's decisions in one transaction; text longer than its column is cut. */
    void record(List<DecisionRecord> decisions);

    /** The most recent decisions, newest first. */
    List<DecisionRecord> recent(int limit);

    /**
     * The most recent decisions of one action on one container row, newest first. By the row, not the Docker name:
     * two hosts may each have a container of that name, and their decisions are not each other's.
     */
    List<DecisionRecord> recentOf(String action, long containerId, int limit);
}

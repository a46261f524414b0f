package io.antfleet.engine.run;

/**
 * Hears each cycle of {@link RunLoop#run}: its report, or the failure that ended it early. The loop has
 * already logged a failure, so a listener that only wants reports may ignore them.
 */
@FunctionalInterface
public interface CycleListener {
    void accept(CycleReport report);

    default void failed(CycleFailure failure) {
    }
}

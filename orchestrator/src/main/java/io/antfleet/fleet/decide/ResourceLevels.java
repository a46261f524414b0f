package io.antfleet.fleet.decide;

/**
 * wnm's add and remove levels (percent, load average, bytes/s). Add when every reading is under its
 * "less than" level; shed when any is over its "remove" level; in between nothing changes (hysteresis).
 * An I/O level of 0 is off.
 */
public record ResourceLevels(
        double cpuLessThan,
        double cpuRemove,
        double memLessThan,
        double memRemove,
        double hdLessThan,
        double hdRemove,
        double desiredLoadAverage,
        double maxLoadAverageAllowed,
        double hdioReadLessThan,
        double hdioReadRemove,
        double hdioWriteLessThan,
        double hdioWriteRemove,
        double netioReadLessThan,
        double netioReadRemove,
        double netioWriteLessThan,
        double netioWriteRemove) {

    public ResourceLevels {
        band("cpu", cpuLessThan, cpuRemove);
        band("mem", memLessThan, memRemove);
        band("hd", hdLessThan, hdRemove);
        band("load_average", desiredLoadAverage, maxLoadAverageAllowed);
        band("hdio_read", hdioReadLessThan, hdioReadRemove);
        band("hdio_write", hdioWriteLessThan, hdioWriteRemove);
        band("netio_read", netioReadLessThan, netioReadRemove);
        band("netio_write", netioWriteLessThan, netioWriteRemove);
    }

    /** wnm's defaults: cpu 50/70, mem 60/75, hd 75/90, load cores×0.6 / cores, I/O off. */
    public static ResourceLevels defaults(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be >= 1, got " + cores);
        }
        return new ResourceLevels(50, 70, 60, 75, 75, 90, cores * 0.6, cores, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static void band(String name, double addBelow, double removeAbove) {
        if (!(addBelow >= 0) || !(removeAbove >= 0)) {
            throw new IllegalArgumentException(name + " levels must be >= 0, got " + addBelow + " / " + removeAbove);
        }
        if (removeAbove > 0 && addBelow > removeAbove) {
            throw new IllegalArgumentException(name + " add level " + addBelow + " is above its remove level "
                    + removeAbove + " (the add level must not exceed the remove level)");
        }
    }
}

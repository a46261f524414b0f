package io.antfleet.fleet.decide;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host sample held against the levels: why the fleet must shed ({@code over}), whether the disk is
 * among the reasons (then nodes are removed, not just stopped), and what keeps it from growing
 * ({@code blockers}). Both empty: the host has room. Only {@code blockers}: the hysteresis band.
 */
record Pressure(List<String> over, boolean disk, List<String> blockers) {
    Pressure {
        over = List.copyOf(over);
        blockers = List.copyOf(blockers);
    }

    static Pressure of(HostSample s, ResourceLevels l) {
        List<String> over = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        level(over, blockers, "cpu", s.cpuPercent(), l.cpuLessThan(), l.cpuRemove(), "%");
        level(over, blockers, "mem", s.memPercent(), l.memLessThan(), l.memRemove(), "%");
        boolean disk = s.diskPercent() > l.hdRemove();
        level(over, blockers, "hd", s.diskPercent(), l.hdLessThan(), l.hdRemove(), "%");
        load(over, blockers, "load1", s.load1(), l);
        load(over, blockers, "load5", s.load5(), l);
        load(over, blockers, "load15", s.load15(), l);
        io(over, blockers, "hdio_read", s.diskReadBytesPerSec(), l.hdioReadLessThan(), l.hdioReadRemove());
        io(over, blockers, "hdio_write", s.diskWriteBytesPerSec(), l.hdioWriteLessThan(), l.hdioWriteRemove());
        io(over, blockers, "netio_read", s.netRxBytesPerSec(), l.netioReadLessThan(), l.netioReadRemove());
        io(over, blockers, "netio_write", s.netTxBytesPerSec(), l.netioWriteLessThan(), l.netioWriteRemove());
        return new Pressure(over, disk, blockers);
    }

    private static void level(List<String> over, List<String> blockers, String name, double value, double addBelow,
            double removeAbove, String unit) {
        if (value > removeAbove) {
            over.add(String.format(Locale.ROOT, "%s %.1f%s > %s_remove %s%s", name, value, unit, name, fmt(removeAbove), unit));
        } else if (!(value < addBelow)) {
            blockers.add(String.format(Locale.ROOT, "%s %.1f%s >= %s_less_than %s%s", name, value, unit, name, fmt(addBelow), unit));
        }
    }

    private static void load(List<String> over, List<String> blockers, String name, double value, ResourceLevels l) {
        if (value > l.maxLoadAverageAllowed()) {
            over.add(String.format(Locale.ROOT, "%s %.2f > max_load_average_allowed %s", name, value, fmt(l.maxLoadAverageAllowed())));
        } else if (!(value < l.desiredLoadAverage())) {
            blockers.add(String.format(Locale.ROOT, "%s %.2f >= desired_load_average %s", name, value, fmt(l.desiredLoadAverage())));
        }
    }

    /** An I/O level of 0 is off. */
    private static void io(List<String> over, List<String> blockers, String name, double value, double addBelow, double removeAbove) {
        if (removeAbove > 0 && value > removeAbove) {
            over.add(String.format(Locale.ROOT, "%s %.0f B/s > %s_remove %s B/s", name, value, name, fmt(removeAbove)));
        } else if (addBelow > 0 && !(value < addBelow)) {
            blockers.add(String.format(Locale.ROOT, "%s %.0f B/s >= %s_less_than %s B/s", name, value, name, fmt(addBelow)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

package io.antfleet.fleet.decide;

/**
 * The host's resources at one moment, as the decision engine sees them. Percentages are 0–100;
 * {@code diskPercent} is the fullest of the volumes holding node data; rates are bytes per second
 * averaged since the previous sample. The JSON form ({@code --assume-host FILE}) uses the keys
 * {@code cpu, mem, disk, load1, load5, load15, diskReadBytes, diskWriteBytes, netRxBytes, netTxBytes}.
 */
public record HostSample(
        double cpuPercent,
        double memPercent,
        double diskPercent,
        double load1,
        double load5,
        double load15,
        double diskReadBytesPerSec,
        double diskWriteBytesPerSec,
        double netRxBytesPerSec,
        double netTxBytesPerSec) {

    public HostSample {
        percent("cpu", cpuPercent);
        percent("mem", memPercent);
        percent("disk", diskPercent);
        nonNegative("load1", load1);
        nonNegative("load5", load5);
        nonNegative("load15", load15);
        nonNegative("diskReadBytes", diskReadBytesPerSec);
        nonNegative("diskWriteBytes", diskWriteBytesPerSec);
        nonNegative("netRxBytes", netRxBytesPerSec);
        nonNegative("netTxBytes", netTxBytesPerSec);
    }

    /** An idle host: everything zero. */
    public static HostSample idle() {
        return new HostSample(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public HostSample withCpu(double percent) {
        return new HostSample(percent, memPercent, diskPercent, load1, load5, load15, diskReadBytesPerSec,
                diskWriteBytesPerSec, netRxBytesPerSec, netTxBytesPerSec);
    }

    public HostSample withMem(double percent) {
        return new HostSample(cpuPercent, percent, diskPercent, load1, load5, load15, diskReadBytesPerSec,
                diskWriteBytesPerSec, netRxBytesPerSec, netTxBytesPerSec);
    }

    public HostSample withDisk(double percent) {
        return new HostSample(cpuPercent, memPercent, percent, load1, load5, load15, diskReadBytesPerSec,
                diskWriteBytesPerSec, netRxBytesPerSec, netTxBytesPerSec);
    }

    public HostSample withLoad(double one, double five, double fifteen) {
        return new HostSample(cpuPercent, memPercent, diskPercent, one, five, fifteen, diskReadBytesPerSec,
                diskWriteBytesPerSec, netRxBytesPerSec, netTxBytesPerSec);
    }

    public HostSample withIo(double diskRead, double diskWrite, double netRx, double netTx) {
        return new HostSample(cpuPercent, memPercent, diskPercent, load1, load5, load15, diskRead, diskWrite,
                netRx, netTx);
    }

    private static void percent(String key, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException("host sample " + key + " must be a percentage 0-100, got " + value);
        }
    }

    private static void nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("host sample " + key + " must be a finite number >= 0, got " + value);
        }
    }
}

package io.antfleet.metrics;

import io.antfleet.fleet.AntfleetException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/**
 * {@link HostCounters} read through OSHI (no hand parsing of /proc). Volumes come from the JDK's
 * {@link FileStore} of each data path (or its nearest existing ancestor, for a path not created yet),
 * each volume counted once. Network counters skip loopback, so the metrics sweep does not count as traffic.
 */
public final class OshiHostCounters implements HostCounters {
    private final HardwareAbstractionLayer hardware;
    private final Instant bootTime;

    public OshiHostCounters() {
        SystemInfo system = new SystemInfo();
        this.hardware = system.getHardware();
        this.bootTime = Instant.ofEpochSecond(system.getOperatingSystem().getSystemBootTime());
    }

    @Override
    public Raw read(List<Path> dataPaths) {
        CentralProcessor cpu = hardware.getProcessor();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        long total = 0;
        for (long t : ticks) {
            total += t;
        }
        long idle = ticks[TickType.IDLE.getIndex()] + ticks[TickType.IOWAIT.getIndex()];
        double[] load = cpu.getSystemLoadAverage(3);
        GlobalMemory memory = hardware.getMemory();
        long diskRead = 0;
        long diskWrite = 0;
        for (HWDiskStore disk : hardware.getDiskStores()) {
            diskRead += disk.getReadBytes();
            diskWrite += disk.getWriteBytes();
        }
        long rx = 0;
        long tx = 0;
        for (NetworkIF net : hardware.getNetworkIFs(false)) {
            rx += net.getBytesRecv();
            tx += net.getBytesSent();
        }
        return new Raw(bootTime, total - idle, total, memory.getTotal(), memory.getAvailable(), volumes(dataPaths),
                Math.max(0, load[0]), Math.max(0, load[1]), Math.max(0, load[2]), diskRead, diskWrite, rx, tx);
    }

    private static List<Double> volumes(List<Path> dataPaths) {
        Set<FileStore> stores = new LinkedHashSet<>();
        for (Path path : dataPaths) {
            stores.add(storeOf(path));
        }
        List<Double> used = new ArrayList<>();
        for (FileStore store : stores) {
            try {
                long totalSpace = store.getTotalSpace();
                long usable = store.getUsableSpace();
                used.add(totalSpace <= 0 ? 0.0 : 100.0 * (totalSpace - usable) / totalSpace);
            } catch (IOException e) {
                throw new AntfleetException("cannot read the size of volume " + store.name(), e);
            }
        }
        return used;
    }

    private static FileStore storeOf(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new AntfleetException("no existing directory holds data path " + path);
        }
        try {
            return Files.getFileStore(existing);
        } catch (IOException e) {
            throw new AntfleetException("cannot find the volume of data path " + path, e);
        }
    }
}

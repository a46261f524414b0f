package io.antfleet.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/setup/ports} (run by {@code bin/setup-host}) on a stand-in /proc/sys and /etc/sysctl.d. */
class PortReservationScriptTest {
    private static final Path SCRIPT = Path.of("..", "bin", "setup", "ports").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path reserved;
    private Path range;
    private Path conf;

    @BeforeEach
    void standInKernel() throws IOException {
        Path ipv4 = Files.createDirectories(dir.resolve("proc/net/ipv4"));
        reserved = ipv4.resolve("ip_local_reserved_ports");
        range = ipv4.resolve("ip_local_port_range");
        conf = dir.resolve("sysctl.d/60-antfleet-ports.conf");
        Files.writeString(range, "32768\t60999\n");
    }

    /** Runs the script with the stand-ins in place of /proc/sys and /etc/sysctl.d; returns what it said. */
    private String run() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("bash", SCRIPT.toString())).redirectErrorStream(true);
        pb.environment().put("ANTFLEET_PROC_SYS", dir.resolve("proc").toString());
        pb.environment().put("ANTFLEET_SYSCTL_D", dir.resolve("sysctl.d").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theReservationMergesWithTheOneInPlaceCoversTheFleetsPortsAndIsPersisted() throws Exception {
        Files.writeString(reserved, "1000-1010,40000,8080\n");

        String said = run();

        String merged = "1000-1010,8080,32768-60999";
        assertThat(Files.readString(reserved).strip()).isEqualTo(merged);
        assertThat(said).contains("reserved ports " + merged + " for fleets (was: 1000-1010,40000,8080)")
                .contains("outgoing connections now use ports 61000-65535 (were 32768-60999)").contains(conf.toString());
        assertThat(Files.readString(range).strip()).isEqualTo("61000 65535");
        assertThat(Files.readString(conf)).contains("net.ipv4.ip_local_reserved_ports = " + merged)
                .contains("net.ipv4.ip_local_port_range = 61000 65535");
    }

    @Test
    void aSecondRunChangesNothingAndSaysSo() throws Exception {
        Files.writeString(reserved, "\n");
        run();
        String before = Files.readString(conf);

        String said = run();

        assertThat(said).contains("already reserved").doesNotContain("now use").doesNotContain("wrote");
        assertThat(Files.readString(conf)).isEqualTo(before);
        assertThat(Files.readString(reserved).strip()).isEqualTo("32768-60999");
    }

    @Test
    void anOutgoingRangeThatKeepsEnoughFreePortsIsLeftAlone() throws Exception {
        Files.writeString(reserved, "\n");
        Files.writeString(range, "10000\t32000\n");

        String said = run();

        assertThat(Files.readString(range).strip()).isEqualTo("10000\t32000");
        assertThat(said).doesNotContain("outgoing connections now use");
        assertThat(Files.readString(conf)).contains("net.ipv4.ip_local_port_range = 10000 32000");
    }
}

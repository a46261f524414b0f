package io.antfleet.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsTest {
    @TempDir
    Path temp;

    @Test
    void messageTakesTheRestOfTheLine() {
        Faults.Fault fault = Faults.parseLine("add exit=1 message=disk is full today");

        assertThat(fault.command()).isEqualTo("add");
        assertThat(fault.get("exit")).contains("1");
        assertThat(fault.get("message")).contains("disk is full today");
    }

    @Test
    void faultForAnotherSubcommandDoesNotApply() throws IOException {
        Path file = Files.writeString(temp.resolve("faults"), "# comment\n\nstart hang=2\n");

        assertThat(new Faults(file).take("stop")).isEmpty();
        assertThat(new Faults(file).take("start").flatMap(f -> f.get("hang"))).contains("2");
    }

    @Test
    void wildcardAppliesToEverySubcommand() throws IOException {
        Path file = Files.writeString(temp.resolve("faults"), "* exit=3 message=x\n");

        assertThat(new Faults(file).take("status")).isPresent();
    }

    @Test
    void limitedFaultIsDroppedAfterItsLastUse() throws IOException {
        Path file = Files.writeString(temp.resolve("faults"), "stop exit=1 times=2 message=boom\n");
        Faults faults = new Faults(file);

        assertThat(faults.take("stop")).isPresent();
        assertThat(Files.readString(file)).contains("times=1");
        assertThat(faults.take("stop")).isPresent();
        assertThat(faults.take("stop")).isEmpty();
    }

    @Test
    void missingFileMeansNoFaults() {
        assertThat(new Faults(temp.resolve("absent")).take("add")).isEmpty();
    }
}

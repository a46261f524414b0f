package io.antfleet.bench;

import io.antfleet.docker.DockerGateway;
import io.antfleet.docker.ExecResult;
import io.antfleet.docker.ForwardingDockerGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The product's Docker gateway with every {@code docker exec} counted by what it runs ({@code antctl add},
 * {@code ant node start}, {@code cat}), so that a scenario can say how many calls per container each side
 * made. Both sides of a scenario go through it: antfleet's (bound in its injector) and the floor's.
 */
final class CountingGateway extends ForwardingDockerGateway {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");
    private static final int WORDS = 3;

    private final Map<String, LongAdder> execs = new ConcurrentHashMap<>();

    CountingGateway(DockerGateway delegate) {
        super(delegate);
    }

    /** The execs so far, by what they ran. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        execs.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** The counts of {@code docker}'s execs so far, or none when it does not count them. */
    static Map<String, Long> snapshot(DockerGateway docker) {
        return docker instanceof CountingGateway ? ((CountingGateway) docker).snapshot() : Map.of();
    }

    /**
     * What an exec ran, as counted: the program's name and its sub-command words ({@code ant node daemon
     * status}), past a {@code timeout -s KILL <s>} wrapper; {@code --version} where it is the only argument.
     */
    static String label(List<String> command) {
        int i = 0;
        if (command.size() > 3 && command.get(0).equals("timeout") && command.get(1).equals("-s")) {
            i = 4;
        }
        if (i >= command.size()) {
            return String.join(" ", command);
        }
        String program = command.get(i);
        StringBuilder label = new StringBuilder(program.substring(program.lastIndexOf('/') + 1));
        int words = 0;
        for (int k = i + 1; k < command.size() && words < WORDS && WORD.matcher(command.get(k)).matches(); k++, words++) {
            label.append(' ').append(command.get(k));
        }
        if (words == 0 && i + 1 < command.size() && command.get(i + 1).equals("--version")) {
            label.append(" --version");
        }
        return label.toString();
    }

    @Override
    public ExecResult exec(String containerIdOrName, List<String> command, String user, Map<String, String> env,
            String stdin, Duration timeout) {
        execs.computeIfAbsent(label(command), k -> new LongAdder()).increment();
        return super.exec(containerIdOrName, command, user, env, stdin, timeout);
    }
}

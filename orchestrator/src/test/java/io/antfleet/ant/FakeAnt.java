package io.antfleet.ant;

import io.antfleet.docker.ExecResult;
import io.antfleet.docker.FakeDockerGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted container for {@link AntManager}: answers each program call (the kill wrapper stripped) by the
 * longest scripted prefix of "program arg …", and records the calls in order. Unscripted calls exit 1.
 */
final class FakeAnt {
    static final String REGISTRY = "/home/ant/.local/share/ant/node_registry.json";

    final FakeDockerGateway docker = new FakeDockerGateway();
    final List<String> calls = new ArrayList<>();
    private final Map<String, List<ExecResult>> answers = new LinkedHashMap<>();

    FakeAnt() {
        docker.withContainer("c1", "alpha", Map.of()).onExec("c1", call -> answer(call.command()));
        answer("ant --version", 0, "ant 0.2.0\n");
        answer("env", 0, "PATH=/bin\nHOME=/home/ant\n");
        answer("ant node daemon status --json", 0, "{\"running\": true, \"pid\": 7, \"port\": 40123}");
        answer("cat " + REGISTRY, 1, "", "cat: can't open '" + REGISTRY + "': No such file or directory");
    }

    FakeAnt answer(String prefix, int exit, String stdout) {
        return answer(prefix, exit, stdout, "");
    }

    FakeAnt answer(String prefix, int exit, String stdout, String stderr) {
        answers.put(prefix, new ArrayList<>(List.of(new ExecResult(exit, stdout, stderr))));
        return this;
    }

    /** Successive answers to the same call, the last one repeated. */
    FakeAnt answers(String prefix, ExecResult... results) {
        answers.put(prefix, new ArrayList<>(List.of(results)));
        return this;
    }

    AntManager manager(AntSettings settings) {
        return new AntManager(new AntExec(docker, "c1", "alpha", settings), settings);
    }

    AntManager manager() {
        return manager(AntSettings.defaults());
    }

    private synchronized ExecResult answer(List<String> command) {
        String line = String.join(" ", command.subList(4, command.size()));
        calls.add(line);
        String best = null;
        for (String prefix : answers.keySet()) {
            if (line.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return new ExecResult(1, "", "unscripted: " + line);
        }
        List<ExecResult> queue = answers.get(best);
        return queue.size() > 1 ? queue.remove(0) : queue.get(0);
    }
}

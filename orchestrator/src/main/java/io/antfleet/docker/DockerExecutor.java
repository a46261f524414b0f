package io.antfleet.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.ExecStartCmd;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.antfleet.fleet.Redaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exec: create, attach, wait with a bound, read the exit code. Past the bound the exec's process
 * is killed through its host pid (visible when antfleet runs on the Docker host); callers that need a
 * guarantee also run the command under {@code timeout -s KILL} inside the container.
 */
final class DockerExecutor {
    private static final int EXIT_CODE_POLLS = 50;

    /** Output beyond this (stdout and stderr together) is not kept: the command is killed and the exec fails. */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    private final DockerClient client;
    /** Without a response timeout: only the exec's own bound ends a silent stream. */
    private final DockerClient streams;
    private final int maxOutput;

    DockerExecutor(DockerClient client, DockerClient streams) {
        this(client, streams, MAX_OUTPUT);
    }

    DockerExecutor(DockerClient client, DockerClient streams, int maxOutput) {
        this.client = client;
        this.streams = streams;
        this.maxOutput = maxOutput;
    }

    ExecResult exec(String container, List<String> command, String user, Map<String, String> env, String stdin,
            Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command for container " + container);
        }
        String execId = create(container, command, user, env, stdin != null);
        FrameCollector collector = new FrameCollector(maxOutput);
        ExecStartCmd start = streams.execStartCmd(execId);
        if (stdin != null) {
            start = start.withStdIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            start.exec(collector);
            if (!collector.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                String killed = kill(execId);
                throw new ExecTimeoutException(container, command, timeout, killed);
            }
            if (collector.overflowed()) {
                String killed = kill(execId);
                throw new DockerOperationException(command + " in container " + container + " printed more than "
                        + maxOutput + " bytes; the rest was not read (" + killed + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(execId);
            throw new DockerOperationException("interrupted while running " + Redaction.command(command) + " in container " + container, e);
        } catch (RuntimeException e) {
            if (e instanceof DockerOperationException) {
                throw e;
            }
            throw new DockerOperationException("exec of " + Redaction.command(command) + " in container " + container + " failed: "
                    + DockerJavaGateway.firstLine(e.getMessage()), e);
        } finally {
            closeQuietly(collector);
        }
        return new ExecResult(exitCode(container, command, execId), collector.stdout(), collector.stderr());
    }

    private String create(String container, List<String> command, String user, Map<String, String> env,
            boolean attachStdin) {
        List<String> envList = new ArrayList<>();
        env.forEach((k, v) -> envList.add(k + "=" + v));
        try {
            var create = client.execCreateCmd(container).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).withAttachStdin(attachStdin).withEnv(envList);
            if (user != null) {
                create = create.withUser(user);
            }
            return create.exec().getId();
        } catch (NotFoundException e) {
            throw new DockerOperationException("container " + container + " not found (cannot run " + Redaction.command(command) + ")", e);
        } catch (ConflictException e) {
            throw new DockerOperationException("container " + container + " is not running (cannot run " + command
                    + "): start it with `docker start " + container + "`", e);
        } catch (RuntimeException e) {
            throw new DockerOperationException("cannot run " + Redaction.command(command) + " in container " + container + ": "
                    + DockerJavaGateway.firstLine(e.getMessage()), e);
        }
    }

    /** The stream can close a moment before the daemon records the exit code; poll briefly for it. */
    private int exitCode(String container, List<String> command, String execId) {
        for (int i = 0; i < EXIT_CODE_POLLS; i++) {
            InspectExecResponse r;
            try {
                r = client.inspectExecCmd(execId).exec();
            } catch (RuntimeException e) {
                // the daemon went away between the end of the output and its exit code (a dockerd restart)
                throw new DockerOperationException("no exit code for " + Redaction.command(command) + " in container " + container + ": "
                        + DockerJavaGateway.firstLine(e.getMessage()), e);
            }
            if (!Boolean.TRUE.equals(r.isRunning()) && r.getExitCodeLong() != null) {
                return r.getExitCodeLong().intValue();
            }
            pause(Duration.ofMillis(10));
        }
        throw new DockerOperationException("no exit code for " + Redaction.command(command) + " in container " + container
                + " although its output stream closed");
    }

    private String kill(String execId) {
        try {
            InspectExecResponse r = client.inspectExecCmd(execId).exec();
            Long pid = r.getPidLong();
            if (pid == null || pid <= 0 || !Boolean.TRUE.equals(r.isRunning())) {
                return "it had already ended";
            }
            boolean signalled = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
            return signalled ? "killed host pid " + pid : "host pid " + pid + " not visible; killed only if run under timeout";
        } catch (RuntimeException e) {
            return "could not kill it: " + DockerJavaGateway.firstLine(e.getMessage());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerOperationException("interrupted while waiting for an exit code", e);
        }
    }

    private static void closeQuietly(FrameCollector collector) {
        try {
            collector.close();
        } catch (IOException ignored) {
            // closing only releases the stream; the result is already collected
        }
    }
}

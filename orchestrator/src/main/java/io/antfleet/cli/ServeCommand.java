package io.antfleet.cli;

import com.google.inject.Inject;
import com.google.inject.Provider;
import io.antfleet.serve.Dashboard;
import io.antfleet.serve.DashboardServer;
import io.antfleet.serve.ListenAddress;
import io.antfleet.serve.TlsFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code antfleet serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]}: the dashboard and JSON API over
 * the store until SIGTERM. Beside {@code run} on MariaDB; on the embedded database use {@code run --serve}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web dashboard and the JSON API (/api/v1/...) over antfleet's database, behind a token.",
            "The token is made on first start in $XDG_DATA_HOME/antfleet/serve.token (mode 0600); the login URL is printed then.",
            "The embedded database admits one process: there, use 'antfleet run --serve' instead. See docs/dashboard.md."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    AntfleetCommand root;

    @Spec
    CommandSpec command;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = ListenAddress.DEFAULT,
            description = "Address to listen on (default: ${DEFAULT-VALUE}); other than loopback only with TLS.")
    String listen;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve HTTPS.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 private key of --tls-cert.")
    Path tlsKey;

    private final Provider<Dashboard> dashboard;

    @Inject
    ServeCommand(Provider<Dashboard> dashboard) {
        this.dashboard = dashboard;
    }

    @Override
    public Integer call() throws InterruptedException {
        DashboardServer server = start(dashboard, command, listen, tlsCert, tlsKey);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM: stop answering, then close what the command owns and the database (H2 would not)
        Thread hook = new Thread(() -> {
            server.close();
            root.close();
            stopped.countDown();
        }, "antfleet-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return ExitCodes.OK;
    }

    /** Also for {@code run --serve}: a bad address, or one off loopback without TLS, is a usage error (exit 2). */
    static DashboardServer start(Provider<Dashboard> dashboard, CommandSpec command, String listen, Path cert, Path key) {
        if ((cert == null) != (key == null)) {
            throw new ParameterException(command.commandLine(), "--tls-cert and --tls-key go together");
        }
        Optional<TlsFiles.Pair> tls = cert == null ? Optional.empty() : Optional.of(new TlsFiles.Pair(cert, key));
        ListenAddress address;
        try {
            address = ListenAddress.parse(listen);
            return dashboard.get().start(address, tls, command.commandLine().getOut());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}

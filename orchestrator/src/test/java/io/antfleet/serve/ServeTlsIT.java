package io.antfleet.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.antfleet.cli.Bootstrap;
import io.antfleet.config.GlobalOptions;
import io.antfleet.config.OutputFormat;
import io.antfleet.store.DataHome;
import io.antfleet.store.StoreConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls-cert/--tls-key}: the dashboard over HTTPS with a certificate made by openssl, Secure cookie. */
class ServeTlsIT {
    @TempDir
    Path dir;

    @Test
    void withACertificateTheDashboardAnswersOverHttpsAndItsSessionCookieIsSecure() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
        System.setProperty(DataHome.PROPERTY, dir.toString());
        Injector injector = Bootstrap.injector(Bootstrap.modules(new GlobalOptions(Optional.of("jdbc:h2:mem:serve_tls;DB_CLOSE_DELAY=-1"),
                Optional.empty(), OutputFormat.TABLE, false)));
        StringWriter printed = new StringWriter();
        try (DashboardServer server = injector.getInstance(Dashboard.class).start(new ListenAddress("127.0.0.1", 0),
                Optional.of(new TlsFiles.Pair(cert, key)), new PrintWriter(printed, true))) {
            assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
            String token = ServeToken.loadOrCreate(dir.resolve("antfleet")).value();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).connectTimeout(Duration.ofSeconds(5)).build();

            HttpResponse<String> fleet = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/fleet"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fleet.statusCode()).isEqualTo(200);
            assertThat(fleet.body()).startsWith("{\"containers\":[]");

            HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login?token=" + token))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                    assertThat(c).contains("HttpOnly", "SameSite=Strict", "Secure"));
        } finally {
            System.clearProperty(DataHome.PROPERTY);
            injector.getInstance(StoreConnection.class).close();
        }
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("antfleet", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}

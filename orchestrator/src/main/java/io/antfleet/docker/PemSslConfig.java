package io.antfleet.docker;

import static java.util.Objects.requireNonNull;

import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.core.util.CertificateUtils;
import io.antfleet.fleet.spec.TlsPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Mutual TLS to a Docker engine from three PEM files wherever they are (docker-java's own
 * LocalDirectorySSLConfig wants them named ca.pem, cert.pem and key.pem in one directory). The engine's
 * certificate is verified against {@code caCert} only, host name included; the client presents {@code cert}.
 */
final class PemSslConfig implements SSLConfig {
    /** The password CertificateUtils.createKeyStore gives the in-memory key entry. */
    private static final char[] STORE_PASSWORD = "docker".toCharArray();

    private final TlsPaths tls;

    PemSslConfig(TlsPaths tls) {
        this.tls = requireNonNull(tls, "tls is null");
    }

    @Override
    public SSLContext getSSLContext() {
        try {
            // CertificateUtils reads PEM through BouncyCastle by provider name, as docker-java's own SSL configs do
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            KeyStore keys = CertificateUtils.createKeyStore(read(tls.key().toString()), read(tls.cert().toString()));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, STORE_PASSWORD);
            KeyStore trusted = CertificateUtils.createTrustStore(read(tls.caCert().toString()));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new DockerOperationException("cannot load the TLS files " + tls.caCert() + ", " + tls.cert() + ", "
                    + tls.key() + ": " + e.getMessage(), e);
        }
    }

    private static String read(String file) throws IOException {
        return Files.readString(java.nio.file.Path.of(file), StandardCharsets.UTF_8);
    }
}

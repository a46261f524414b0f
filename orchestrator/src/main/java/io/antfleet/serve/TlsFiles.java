package io.antfleet.serve;

import io.antfleet.fleet.AntfleetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** An {@link SSLContext} from PEM files: a certificate chain and an unencrypted PKCS#8 key (RSA or EC). */
public final class TlsFiles {
    private TlsFiles() {
    }

    /** {@code --tls-cert} and {@code --tls-key}. */
    public record Pair(Path cert, Path key) {
        public Pair {
            java.util.Objects.requireNonNull(cert, "cert is null");
            java.util.Objects.requireNonNull(key, "key is null");
        }
    }

    public static SSLContext context(Path certFile, Path keyFile) {
        try {
            List<? extends Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile))));
            if (chain.isEmpty()) {
                throw new AntfleetException("no certificate in " + certFile);
            }
            PrivateKey key = key(keyFile);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] none = new char[0];
            store.setKeyEntry("antfleet", key, none, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new AntfleetException("cannot use --tls-cert " + certFile + " / --tls-key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey key(Path keyFile) throws IOException, GeneralSecurityException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new AntfleetException(keyFile + " is not an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (java.security.spec.InvalidKeySpecException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new AntfleetException(keyFile + " holds a key that is neither RSA, EC nor Ed25519");
    }
}

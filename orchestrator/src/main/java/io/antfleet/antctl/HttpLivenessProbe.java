package io.antfleet.antctl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link LivenessProbe} over HTTP: GET {@code http://<host>:<port>/metadata}; alive when it answers 200 with
 * OpenMetrics text ending in {@code # EOF}. Any answer is not enough (wnm's defect 5).
 */
public final class HttpLivenessProbe implements LivenessProbe {
    private static final Pattern PEER_ID = Pattern.compile("ant_networking_peer_id_info\\{peer_id=\"([^\"]+)\"\\}");
    private static final Pattern VERSION = Pattern.compile("ant_node_antnode_version_info\\{antnode_version=\"([^\"]+)\"\\}");

    private final String host;
    private final Duration timeout;
    private final HttpClient http;

    public HttpLivenessProbe(String host, Duration timeout) {
        this.host = host;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public ProbeResult probe(int metricsPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + metricsPort + "/metadata"))
                .timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return judge(response.statusCode(), response.body());
        } catch (IOException e) {
            return ProbeResult.dead("no answer on port " + metricsPort + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.dead("interrupted");
        }
    }

    static ProbeResult judge(int status, String body) {
        if (status != 200) {
            return ProbeResult.dead("/metadata answered HTTP " + status);
        }
        if (body == null || !body.stripTrailing().endsWith("# EOF")) {
            return ProbeResult.dead("/metadata answered without the OpenMetrics '# EOF' terminator");
        }
        return new ProbeResult(true, group(PEER_ID, body), group(VERSION, body), null);
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}

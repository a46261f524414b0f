package io.antfleet.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of errors, the journal and logs. The one secret in a command antfleet runs is the
 * custom EVM network's rpc URL ({@code antctl add ... evm-custom --rpc-url URL}): providers put the API key
 * in its path or query, so only its scheme, host and port are ever shown.
 */
public final class Redaction {
    public static final String RPC_URL_FLAG = "--rpc-url";
    private static final Pattern ORIGIN = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@]*@?[^/?#]*)");

    private Redaction() {
    }

    /** {@code https://host:port/…(redacted)}: what identifies an rpc URL without its key (user info dropped too). */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = ORIGIN.matcher(url);
        String origin = m.find() ? m.group(1).replaceFirst("//[^/?#]*@", "//") : "";
        // nothing but scheme and host (e.g. a wrong scheme in a spec): nothing to hide, shown as it is
        return origin.equals(url) ? url : origin + "/…(redacted)";
    }

    /** The command with the value after {@value #RPC_URL_FLAG} (or in {@code --rpc-url=URL}) redacted. */
    public static List<String> command(List<String> command) {
        List<String> shown = new ArrayList<>(command.size());
        boolean next = false;
        for (String arg : command) {
            if (next) {
                shown.add(url(arg));
                next = false;
            } else if (arg != null && arg.startsWith(RPC_URL_FLAG + "=")) {
                shown.add(RPC_URL_FLAG + "=" + url(arg.substring(RPC_URL_FLAG.length() + 1)));
            } else {
                shown.add(arg);
                next = RPC_URL_FLAG.equals(arg);
            }
        }
        return shown;
    }

    /** {@code text} (e.g. a command's stderr) with every secret of {@code command} replaced as {@link #url} shows it. */
    public static String text(String text, List<String> command) {
        if (text == null) {
            return null;
        }
        String result = text;
        List<String> shown = command(command);
        for (int i = 0; i < command.size(); i++) {
            String secret = command.get(i);
            if (secret != null && !secret.isEmpty() && !secret.equals(shown.get(i))) {
                String value = secret.startsWith(RPC_URL_FLAG + "=") ? secret.substring(RPC_URL_FLAG.length() + 1) : secret;
                result = result.replace(value, url(value));
            }
        }
        return result;
    }
}

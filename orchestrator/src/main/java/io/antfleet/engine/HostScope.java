package io.antfleet.engine;

import io.antfleet.config.spec.DidYouMean;
import java.util.List;
import java.util.Optional;

/** What {@code --host NAME} narrows a command to, the same for every command. */
public final class HostScope {
    private HostScope() {
    }

    /**
     * {@code known} when {@code only} is empty, else the one host it names.
     *
     * @param source where the known names come from, for the message (e.g. "recorded", "in the spec")
     * @throws UnknownHostNameException when {@code only} is not among {@code known} (with the closest name, if any)
     */
    public static List<String> narrow(List<String> known, Optional<String> only, String source) {
        if (only.isEmpty()) {
            return List.copyOf(known);
        }
        String wanted = only.get();
        if (!known.contains(wanted)) {
            throw new UnknownHostNameException("--host '" + wanted + "' is not a host " + source
                    + DidYouMean.suggest(wanted, known).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (known: " + String.join(", ", known) + ")");
        }
        return List.of(wanted);
    }
}

package io.antfleet.config.settings;

import io.antfleet.fleet.AntfleetException;
import java.util.List;

/** Settings with problems, every one listed (one a line, each naming its source); exit code 2. */
public final class InvalidSettingsException extends AntfleetException {
    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

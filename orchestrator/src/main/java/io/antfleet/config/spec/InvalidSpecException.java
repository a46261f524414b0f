package io.antfleet.config.spec;

import io.antfleet.fleet.AntfleetException;
import java.util.List;
import java.util.stream.Collectors;

/** A fleet spec with problems; carries every one of them, in file order. Exit code 2. */
public final class InvalidSpecException extends AntfleetException {
    private final List<SpecProblem> problems;

    public InvalidSpecException(List<SpecProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<SpecProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid spec needs at least one problem");
        }
        return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}

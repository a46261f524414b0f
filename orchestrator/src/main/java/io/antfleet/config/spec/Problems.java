package io.antfleet.config.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects spec problems so that all of them are reported together, sorted by place in the file. */
final class Problems {
    private final List<SpecProblem> list = new ArrayList<>();

    void add(SpecLocation at, String message) {
        list.add(new SpecProblem(at, message));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    List<SpecProblem> sorted() {
        List<SpecProblem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt((SpecProblem p) -> p.location().line()).thenComparingInt(p -> p.location().column()));
        return copy;
    }
}

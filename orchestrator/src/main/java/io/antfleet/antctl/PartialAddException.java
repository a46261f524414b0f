package io.antfleet.antctl;

import java.util.List;

/** antctl add failed for some nodes; the ones it did add (known from status) remain usable and are listed. */
public class PartialAddException extends AntctlException {
    private final List<AntctlNode> added;

    public PartialAddException(AntctlException cause, List<AntctlNode> added) {
        super(cause.getMessage().split(" \\[", 2)[0] + " (" + added.size() + " node(s) added before the failure: "
                + added.stream().map(n -> n.service().value()).toList() + ")", cause.target(), cause.command(),
                cause.exitCode(), cause.stderrExcerpt(), cause.failures());
        this.added = List.copyOf(added);
    }

    public List<AntctlNode> added() {
        return added;
    }
}

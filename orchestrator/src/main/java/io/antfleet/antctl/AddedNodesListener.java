package io.antfleet.antctl;

import java.util.List;

/**
 * Told the nodes an add created the moment they are known (from status --json), before the manager
 * returns or raises, so the caller can record them before any next step. Called exactly once per
 * create when status could be read afterwards, possibly with an empty list.
 */
@FunctionalInterface
public interface AddedNodesListener {
    void added(List<AntctlNode> nodes);
}

package io.antfleet.fleet.decide;

import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node-by-node choices of one cycle, grouped into one decision per (action, container) in choice order. */
final class Picks {
    private final Map<String, List<ServiceName>> byKey = new LinkedHashMap<>();
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final Map<String, String> containers = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Map<String, Integer> addCounts = new LinkedHashMap<>();

    void node(Action action, String container, ServiceName service, String reason) {
        String key = remember(action, container, reason);
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(service);
    }

    void addOne(String container, String reason) {
        String key = remember(Action.ADD, container, reason);
        addCounts.merge(key, 1, Integer::sum);
    }

    private String remember(Action action, String container, String reason) {
        String key = action + "\u0000" + container;
        actions.putIfAbsent(key, action);
        containers.putIfAbsent(key, container);
        reasons.putIfAbsent(key, reason);
        return key;
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    int size() {
        return byKey.values().stream().mapToInt(List::size).sum() + addCounts.values().stream().mapToInt(i -> i).sum();
    }

    List<Decision> decisions() {
        List<Decision> out = new ArrayList<>();
        for (Map.Entry<String, Action> e : actions.entrySet()) {
            String key = e.getKey();
            if (e.getValue() == Action.ADD) {
                out.add(Decision.add(containers.get(key), addCounts.get(key), reasons.get(key)));
            } else {
                out.add(Decision.onServices(e.getValue(), containers.get(key), byKey.get(key), reasons.get(key)));
            }
        }
        return out;
    }
}

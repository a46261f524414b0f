package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code antctl add}'s stdout. New names are only the ` ✓ antnodeN` lines of the Services Added
 * block (a name elsewhere, e.g. in debug output, is not one); failures are `✕ antnodeN: reason` lines.
 */
final class AddOutputParser {
    private static final Pattern ADDED = Pattern.compile("^ ✓ (antnode[0-9]+)$");
    /** add_services/mod.rs:317 prints {@code ✕ name: reason} with no leading space, unlike the ✓ lines (:304). */
    private static final Pattern FAILED = Pattern.compile("^ ?✕ (antnode[0-9]+): (.*)$");
    private static final Pattern TO_ADD = Pattern.compile("^([0-9]+) service\\(s\\) to be added$");
    /** add_services/mod.rs:305-308, the lines under each ✓ name. */
    private static final Pattern DETAIL = Pattern.compile("^    - (Antnode path|Data path|Log path|RPC port): (\\S+)$");

    /** {@code succeeded}: antctl exited 0, so the block must be there and list at least one node. */
    AddOutput parse(String stdout, boolean succeeded) {
        List<ServiceName> added = new ArrayList<>();
        List<NodeFailure> failures = new ArrayList<>();
        List<String> downloads = new ArrayList<>();
        List<Map<String, String>> details = new ArrayList<>();
        boolean inBlock = false;
        boolean sawBlock = false;
        Integer toAdd = null;
        for (String raw : Ansi.lines(stdout)) {
            String line = raw.stripTrailing();
            Matcher m;
            if (line.equals("Services Added:")) {
                inBlock = true;
                sawBlock = true;
            } else if ((m = TO_ADD.matcher(line)).matches()) {
                toAdd = Integer.valueOf(m.group(1));
            } else if (line.startsWith("Downloading ") || line.startsWith("Download completed")) {
                downloads.add(line);
            } else if (inBlock && (m = ADDED.matcher(line)).matches()) {
                added.add(ServiceName.of(m.group(1)));
                details.add(new LinkedHashMap<>());
            } else if (inBlock && !details.isEmpty() && (m = DETAIL.matcher(line)).matches()) {
                details.get(details.size() - 1).put(m.group(1), m.group(2));
            } else if ((m = FAILED.matcher(line)).matches()) {
                failures.add(new NodeFailure(m.group(1), m.group(2)));
            } else if (line.startsWith("Failed to add")) {
                inBlock = false;
            }
        }
        if (succeeded && (!sawBlock || added.isEmpty())) {
            throw new AntctlOutputException("add exited 0 but printed no 'Services Added:' block with ✓ lines");
        }
        if (succeeded && toAdd != null && toAdd != added.size()) {
            throw new AntctlOutputException("add announced " + toAdd + " service(s) to be added but listed "
                    + added.size() + " as added: " + added);
        }
        return new AddOutput(added, failures, downloads, complete(added, details));
    }

    /** Each ✓ node's four detail lines, or none at all when any node lacks one (the caller then reads status). */
    private static List<AddOutput.Details> complete(List<ServiceName> added, List<Map<String, String>> details) {
        List<AddOutput.Details> result = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            Map<String, String> d = details.get(i);
            if (d.size() != 4) {
                return List.of();
            }
            result.add(new AddOutput.Details(added.get(i), d.get("Antnode path"), d.get("Data path"), d.get("Log path"),
                    d.get("RPC port")));
        }
        return result;
    }
}

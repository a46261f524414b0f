package io.antfleet.antctl;

import io.antfleet.fleet.ServiceName;
import io.antfleet.nodemanager.UpgradeOutcome;
import io.antfleet.nodemanager.UpgradeSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code Upgrade summary:} block of {@code antctl upgrade}, or its all-up-to-date line. */
final class UpgradeSummaryParser {
    private static final Pattern UPGRADED = Pattern.compile("^✓ (antnode[0-9]+) upgraded from (\\S+) to (\\S+)$");
    private static final Pattern NOT_REQUIRED = Pattern.compile("^- (antnode[0-9]+) did not require an upgrade$");
    private static final Pattern FORCED = Pattern.compile("^✓ Forced (antnode[0-9]+) version change from (\\S+) to (\\S+?)\\.?$");
    private static final Pattern FAILED = Pattern.compile("^✕ (antnode[0-9]+) was not upgraded: (.*)$");
    private static final Pattern NOT_STARTED =
            Pattern.compile("^✕ (antnode[0-9]+) was upgraded from (\\S+) to (\\S+) but it did not start$");
    private static final String ALL_LATEST = "✓ All nodes are at the latest version";

    UpgradeSummary parse(String stdout) {
        List<UpgradeOutcome> outcomes = new ArrayList<>();
        boolean inSummary = false;
        boolean allLatest = false;
        for (String raw : Ansi.lines(stdout)) {
            String line = raw.strip();
            Matcher m;
            if (line.equals("Upgrade summary:")) {
                inSummary = true;
            } else if (line.equals(ALL_LATEST)) {
                allLatest = true;
            } else if (!inSummary) {
                continue;
            } else if ((m = UPGRADED.matcher(line)).matches()) {
                outcomes.add(new UpgradeOutcome(ServiceName.of(m.group(1)), UpgradeOutcome.Kind.UPGRADED,
                        m.group(2), m.group(3), null));
            } else if ((m = NOT_REQUIRED.matcher(line)).matches()) {
                outcomes.add(new UpgradeOutcome(ServiceName.of(m.group(1)), UpgradeOutcome.Kind.NOT_REQUIRED,
                        null, null, null));
            } else if ((m = FORCED.matcher(line)).matches()) {
                outcomes.add(new UpgradeOutcome(ServiceName.of(m.group(1)), UpgradeOutcome.Kind.FORCED,
                        m.group(2), m.group(3), null));
            } else if ((m = NOT_STARTED.matcher(line)).matches()) {
                outcomes.add(new UpgradeOutcome(ServiceName.of(m.group(1)), UpgradeOutcome.Kind.NOT_STARTED,
                        m.group(2), m.group(3), "upgraded from " + m.group(2) + " to " + m.group(3)
                        + " but it did not start"));
            } else if ((m = FAILED.matcher(line)).matches()) {
                outcomes.add(new UpgradeOutcome(ServiceName.of(m.group(1)), UpgradeOutcome.Kind.FAILED,
                        null, null, m.group(2)));
            }
        }
        if (!allLatest && outcomes.isEmpty()) {
            throw new AntctlOutputException("upgrade printed neither an 'Upgrade summary:' with node lines nor '"
                    + ALL_LATEST + "'");
        }
        return new UpgradeSummary(outcomes, allLatest);
    }
}

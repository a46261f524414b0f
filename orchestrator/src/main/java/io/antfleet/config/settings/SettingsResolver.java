package io.antfleet.config.settings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Merges global settings by priority: command line &gt; environment ({@code ANTFLEET_*}) &gt; config file
 * ({@code key=value}) &gt; database &gt; defaults. Every source accepts antfleet's names and wnm's
 * (node-cap, node_cap, NODE_CAP are one setting). Pure: the caller passes the sources in. Unknown names
 * on the command line and in the file are problems ("did you mean"); unknown {@code ANTFLEET_*} variables
 * and database keys are ignored (other parts of antfleet own them). All problems are reported together.
 * A {@link RetiredSetting} given on the command line, in the environment or in the file is no problem:
 * it becomes a warning in {@link Settings#ignored()}.
 */
public final class SettingsResolver {
    private static final Map<String, Setting> BY_NAME = new HashMap<>();

    static {
        for (Setting s : Setting.values()) {
            BY_NAME.put(Setting.normalize(s.key()), s);
            BY_NAME.put(Setting.normalize(s.wnmName()), s);
        }
    }

    /** A config file's name (for messages) and text. */
    public record ConfigFile(String name, String text) {
    }

    private record Given(Setting setting, String text, boolean wnmStyle, SettingOrigin origin, String where) {
    }

    public Settings resolve(Map<String, String> commandLine, Map<String, String> environment, Optional<ConfigFile> file,
            Map<String, String> database) {
        List<String> problems = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Given> given = new ArrayList<>();
        database.forEach((k, v) -> lookup(k, v, SettingOrigin.DATABASE, "database setting " + k, null, null).ifPresent(given::add));
        file.ifPresent(f -> given.addAll(fileEntries(f, problems, ignored)));
        environment.forEach((k, v) -> {
            if (k.startsWith("ANTFLEET_")) {
                lookup(k.substring("ANTFLEET_".length()), v, SettingOrigin.ENVIRONMENT, "environment " + k, null, ignored)
                        .ifPresent(given::add);
            }
        });
        commandLine.forEach((k, v) -> lookup(k, v, SettingOrigin.COMMAND_LINE, "command line --" + k, problems, ignored)
                .ifPresent(given::add));

        Map<Setting, Object> values = new EnumMap<>(Setting.class);
        Map<Setting, SettingOrigin> origins = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            s.defaultValue().ifPresent(d -> {
                values.put(s, s.type().parse(d, false));
                origins.put(s, SettingOrigin.DEFAULT);
            });
        }
        for (Given g : given) {
            try {
                values.put(g.setting(), g.setting().type().parse(g.text(), g.wnmStyle()));
                origins.put(g.setting(), g.origin());
            } catch (IllegalArgumentException e) {
                problems.add(g.where() + ": " + e.getMessage());
            }
        }
        checkThresholds(values, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new Settings(values, origins, ignored);
    }

    /** {@code problems} and {@code ignored} are null for sources whose unknown names are not ours to judge. */
    private static Optional<Given> lookup(String name, String value, SettingOrigin origin, String where, List<String> problems,
            List<String> ignored) {
        Setting s = BY_NAME.get(Setting.normalize(name));
        Optional<RetiredSetting> retired = s == null ? RetiredSetting.byName(name) : Optional.empty();
        if (retired.isPresent()) {
            if (ignored != null) {
                ignored.add(retired.get().warning(where, name));
            }
            return Optional.empty();
        }
        if (s == null) {
            if (problems != null) {
                problems.add(where + ": unknown setting '" + name + "'" + suggestion(name));
            }
            return Optional.empty();
        }
        boolean wnmStyle = Setting.normalize(name).equals(Setting.normalize(s.wnmName()))
                && !Setting.normalize(s.wnmName()).equals(Setting.normalize(s.key()));
        return Optional.of(new Given(s, value == null ? "" : value, wnmStyle, origin, where));
    }

    private static String suggestion(String name) {
        String normalized = Setting.normalize(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : BY_NAME.keySet()) {
            int d = levenshtein(normalized, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3)
                ? " (did you mean '" + BY_NAME.get(best).key() + "'?)" : "";
    }

    static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                d[i][j] = i == 0 ? j : j == 0 ? i : Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }

    /** {@code key=value} lines; {@code #} starts a comment line; quotes around a value are dropped. */
    private static List<Given> fileEntries(ConfigFile file, List<String> problems, List<String> ignored) {
        List<Given> entries = new ArrayList<>();
        String[] lines = file.text().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file.name() + ":" + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(where + ": expected key=value, got '" + line + "'");
                continue;
            }
            String value = unquote(line.substring(eq + 1).trim());
            lookup(line.substring(0, eq).trim(), value, SettingOrigin.CONFIG_FILE, where, problems, ignored).ifPresent(entries::add);
        }
        return entries;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void checkThresholds(Map<Setting, Object> values, List<String> problems) {
        Setting[][] pairs = {{Setting.CPU_ADD, Setting.CPU_REMOVE}, {Setting.MEM_ADD, Setting.MEM_REMOVE},
            {Setting.DISK_ADD, Setting.DISK_REMOVE}};
        for (Setting[] pair : pairs) {
            Object add = values.get(pair[0]);
            Object remove = values.get(pair[1]);
            if (add instanceof Integer && remove instanceof Integer && (Integer) add >= (Integer) remove) {
                problems.add(pair[0].key() + " (" + add + ") must be below " + pair[1].key() + " (" + remove + ")");
            }
        }
        Object desired = values.get(Setting.LOAD_DESIRED);
        Object max = values.get(Setting.LOAD_MAX);
        if (desired instanceof Double && max instanceof Double && (Double) desired > (Double) max) {
            problems.add("load-desired (" + desired + ") must not exceed load-max (" + max + ")");
        }
    }

    /** Every name accepted, for help texts: antfleet's then wnm's, then the retired ones (accepted, ignored). */
    public static List<String> knownNames() {
        return java.util.stream.Stream.concat(
                java.util.Arrays.stream(Setting.values()).flatMap(s -> java.util.stream.Stream.of(s.key(), s.wnmName())),
                java.util.Arrays.stream(RetiredSetting.values()).flatMap(r -> java.util.stream.Stream.of(r.key(), r.wnmName())))
                .distinct().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    }
}

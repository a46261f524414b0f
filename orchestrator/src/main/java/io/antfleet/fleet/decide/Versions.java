package io.antfleet.fleet.decide;

import java.util.regex.Pattern;

/** antnode versions ({@code 0.4.17}, optionally {@code v}-prefixed or with a {@code -rc.1} suffix), compared numerically. */
public final class Versions {
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*([-+][0-9A-Za-z.-]+)?");

    private Versions() {
    }

    public static boolean isVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** True when {@code version} is known and older than {@code target}. */
    public static boolean isOlder(String version, String target) {
        return isVersion(version) && compare(version, target) < 0;
    }

    /** Numeric compare of the dotted core; a pre-release ({@code 1.0.0-rc.1}) sorts before its release. */
    public static int compare(String a, String b) {
        String[] coreA = core(a).split("\\.");
        String[] coreB = core(b).split("\\.");
        for (int i = 0; i < Math.max(coreA.length, coreB.length); i++) {
            long x = i < coreA.length ? Long.parseLong(coreA[i]) : 0;
            long y = i < coreB.length ? Long.parseLong(coreB[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        boolean preA = a.contains("-");
        boolean preB = b.contains("-");
        return preA == preB ? 0 : preA ? -1 : 1;
    }

    private static String core(String v) {
        String s = v.startsWith("v") ? v.substring(1) : v;
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '-' || s.charAt(i) == '+') {
                cut = i;
                break;
            }
        }
        return s.substring(0, cut);
    }
}

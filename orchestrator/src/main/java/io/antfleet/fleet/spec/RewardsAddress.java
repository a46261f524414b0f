package io.antfleet.fleet.spec;

import static java.util.Objects.requireNonNull;

import io.antfleet.fleet.WalletAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * wnm's weighted rewards syntax: comma-separated entries {@code TARGET[:WEIGHT]}, where TARGET is an
 * address ({@code 0x} + 40 hex digits) or one of the keywords {@code faucet} and {@code donate}, and
 * WEIGHT a positive integer (1 when omitted). Each new node draws one entry with probability
 * weight / total and keeps that wallet for life. Example: {@code 0xA...:100,faucet:1,donate:10}.
 * A target may appear once; whitespace around tokens is ignored.
 */
public record RewardsAddress(List<Entry> entries) {
    public RewardsAddress {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("rewards address has no entries");
        }
    }

    /** What an entry pays: a literal address, or whatever the faucet / donate setting names. */
    public enum Kind {
        ADDRESS, FAUCET, DONATE
    }

    public record Entry(Kind kind, Optional<WalletAddress> address, int weight) {
        public Entry {
            requireNonNull(kind, "kind is null");
            requireNonNull(address, "address is null");
            if (address.isPresent() != (kind == Kind.ADDRESS)) {
                throw new IllegalArgumentException("an address entry needs an address, a keyword entry none");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("weight " + weight + " is not a positive integer");
            }
        }

        String target() {
            return address.map(WalletAddress::value).orElse(kind.name().toLowerCase(Locale.ROOT));
        }
    }

    public static RewardsAddress parse(String text) {
        requireNonNull(text, "text is null");
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : text.split(",", -1)) {
            Entry entry = parseEntry(raw.trim(), text);
            if (!seen.add(entry.target().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + entry.target() + "' appears twice in rewards address '" + text + "'");
            }
            entries.add(entry);
        }
        return new RewardsAddress(entries);
    }

    private static Entry parseEntry(String token, String whole) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("empty entry in rewards address '" + whole + "'");
        }
        int colon = token.indexOf(':');
        String target = (colon < 0 ? token : token.substring(0, colon)).trim();
        int weight = colon < 0 ? 1 : parseWeight(token.substring(colon + 1).trim(), token);
        switch (target.toLowerCase(Locale.ROOT)) {
            case "faucet":
                return new Entry(Kind.FAUCET, Optional.empty(), weight);
            case "donate":
                return new Entry(Kind.DONATE, Optional.empty(), weight);
            default:
                if (!WalletAddress.isValid(target)) {
                    throw new IllegalArgumentException("invalid wallet address '" + target
                            + "' (expected 0x followed by 40 hex digits, or faucet or donate)");
                }
                return new Entry(Kind.ADDRESS, Optional.of(new WalletAddress(target)), weight);
        }
    }

    private static int parseWeight(String text, String token) {
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < 1) {
            throw new IllegalArgumentException("invalid weight '" + text + "' in '" + token + "' (expected a positive integer)");
        }
        return Integer.parseInt(text);
    }

    public int totalWeight() {
        return entries.stream().mapToInt(Entry::weight).sum();
    }

    /** The entry a draw of {@code ticket} in {@code [0, totalWeight())} lands on. */
    public Entry pick(int ticket) {
        if (ticket < 0 || ticket >= totalWeight()) {
            throw new IllegalArgumentException("ticket " + ticket + " outside 0.." + (totalWeight() - 1));
        }
        int remaining = ticket;
        for (Entry e : entries) {
            if (remaining < e.weight()) {
                return e;
            }
            remaining -= e.weight();
        }
        throw new IllegalStateException("unreachable");
    }

    /** The syntax this was parsed from, normalized (weights always written). */
    @Override
    public String toString() {
        return entries.stream().map(e -> e.target() + ":" + e.weight()).collect(Collectors.joining(","));
    }
}

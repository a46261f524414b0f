package io.antfleet.store;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

final class MyBatisMachineSettings implements MachineSettings {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final Transactions transactions;
    private final Clock clock;

    @Inject
    MyBatisMachineSettings(Transactions transactions, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Map<String, String> all() {
        return transactions.inTransaction(session -> {
            Map<String, String> settings = new LinkedHashMap<>();
            session.mapper(MachineMapper.class).findAll().forEach(s -> settings.put(s.name(), s.value()));
            return settings;
        });
    }

    @Override
    public Optional<String> get(String name) {
        requireNonNull(name, "name is null");
        return transactions.inTransaction(session -> Optional.ofNullable(session.mapper(MachineMapper.class).find(name)));
    }

    @Override
    public void put(String name, String value) {
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid setting name '" + name + "' (lower-case letters, digits and _)");
        }
        transactions.useTransaction(session -> {
            MachineMapper mapper = session.mapper(MachineMapper.class);
            if (mapper.update(name, value, now()) == 0) {
                mapper.insert(name, value, now());
            }
        });
    }

    @Override
    public Duration readingRetention() {
        Optional<String> days = get(READING_RETENTION_DAYS);
        if (days.isEmpty()) {
            return DEFAULT_RETENTION;
        }
        try {
            long value = Long.parseLong(days.get().strip());
            if (value < 1) {
                throw new NumberFormatException("below 1");
            }
            return Duration.ofDays(value);
        } catch (NumberFormatException e) {
            throw new StoreException("setting " + READING_RETENTION_DAYS + " = '" + days.get()
                    + "' is not a whole number of days (1 or more)", e);
        }
    }

    /** Now, at the columns' precision, so what is returned equals what a later read gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

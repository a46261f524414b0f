package io.antfleet.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The global {@code -o/--output}: table or json for every command, and report's own formats (text, env,
 * config) besides, which only {@code report} accepts ({@link AntfleetCommand#globalOptions()} checks that).
 * One option for both: picocli refuses a subcommand option named like an inherited one.
 */
final class OutputFormatConverter implements ITypeConverter<String> {
    static final List<String> COMMON = List.of("table", "json");
    static final List<String> REPORT_ONLY = List.of("text", "env", "config");

    @Override
    public String convert(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || REPORT_ONLY.contains(lower)) {
            return lower;
        }
        throw new TypeConversionException("'" + value + "' is not an output format (expected table or json; report also"
                + " takes text, env and config)");
    }
}

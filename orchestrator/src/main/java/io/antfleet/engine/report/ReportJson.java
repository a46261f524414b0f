package io.antfleet.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antfleet.fleet.AntfleetException;

/** JSON as wnm prints it ({@code json.dumps(..., indent=2)}): two-space indent, {@code "key": value}. */
final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ReportJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new AntfleetException("cannot write the report as JSON: " + e.getMessage(), e);
        }
    }
}

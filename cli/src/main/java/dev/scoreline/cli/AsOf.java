package dev.scoreline.cli;

import dev.scoreline.runtime.RunConfig;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** {@code --as-of}: an ISO-8601 instant, or a date meaning 00:00 UTC. */
final class AsOf implements CommandLine.ITypeConverter<Instant> {

    /** An ISO-8601 instant ({@code 2026-03-01T00:00:00Z}, an offset allowed) or a date (00:00 UTC). */
    static Instant parse(String value) throws DateTimeParseException {
        return RunConfig.asOf(value);
    }

    @Override
    public Instant convert(String value) {
        try {
            return parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("--as-of takes an ISO-8601 instant such as "
                    + "2026-03-01T00:00:00Z or a date such as 2026-03-01, not \"" + value + "\"");
        }
    }
}

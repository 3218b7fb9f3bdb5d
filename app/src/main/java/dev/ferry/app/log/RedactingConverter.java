package dev.ferry.app.log;

import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;

/**
 * {@code %redact{pattern}}: formats the nested pattern, then masks what {@link LogRedaction} masks. Nesting is how
 * Log4j's own {@code %replace{pattern}{regex}{substitution}} works; here the nested pattern holds the stack trace too,
 * since a JDBC driver's exception, or one it caused, may quote the URL and its password.
 */
@Plugin(name = "redact", category = PatternConverter.CATEGORY)
@ConverterKeys("redact")
public final class RedactingConverter extends LogEventPatternConverter {

    private final List<PatternFormatter> formatters;

    private RedactingConverter(List<PatternFormatter> formatters) {
        super("redact", "redact");
        this.formatters = formatters;
    }

    /** Called by Log4j for each {@code %redact} in a pattern; null (Log4j then reports it) when no pattern is nested. */
    public static RedactingConverter newInstance(Configuration config, String[] options) {
        if (options.length != 1 || options[0] == null) {
            LOGGER.error("%redact takes one nested pattern, as in %redact{%msg%n%throwable}");
            return null;
        }
        return new RedactingConverter(PatternLayout.createPatternParser(config).parse(options[0]));
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        StringBuilder line = new StringBuilder();
        for (PatternFormatter formatter : formatters) {
            formatter.format(event, line);
        }
        toAppendTo.append(LogRedaction.redact(line.toString()));
    }

    /** True when the nested pattern writes the stack trace: then PatternLayout does not write it a second time, unmasked. */
    @Override
    public boolean handlesThrowable() {
        return formatters.stream().anyMatch(PatternFormatter::handlesThrowable);
    }
}

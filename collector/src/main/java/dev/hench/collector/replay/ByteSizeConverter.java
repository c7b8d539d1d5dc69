package dev.hench.collector.replay;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses sizes such as {@code 2147483648}, {@code 512m}, {@code 2g} or {@code 4GiB}. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");

    @Override
    public Long convert(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("size was '" + text + "' but must be "
                    + "a number of bytes with an optional unit k, m, g or t (powers of 1024), "
                    + "such as 2g or 512MiB");
        }
        long value = Long.parseLong(matcher.group(1));
        int shift = "kmgt".indexOf(matcher.group(2).isEmpty() ? ' ' : matcher.group(2).charAt(0));
        return shift < 0 ? value : value << (10 * (shift + 1));
    }
}

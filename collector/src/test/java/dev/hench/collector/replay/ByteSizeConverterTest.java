package dev.hench.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ByteSizeConverterTest {

    private final ByteSizeConverter converter = new ByteSizeConverter();

    @Test
    void acceptsBytesAndBinaryUnits() {
        assertThat(converter.convert("1048576")).isEqualTo(1L << 20);
        assertThat(converter.convert("512m")).isEqualTo(512L << 20);
        assertThat(converter.convert("2g")).isEqualTo(2L << 30);
        assertThat(converter.convert("4GiB")).isEqualTo(4L << 30);
        assertThat(converter.convert("1t")).isEqualTo(1L << 40);
    }

    @Test
    void rejectsTextWithTheFix() {
        assertThatThrownBy(() -> converter.convert("lots"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'lots'").hasMessageContaining("such as 2g");
    }
}

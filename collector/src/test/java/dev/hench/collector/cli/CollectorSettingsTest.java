package dev.hench.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hench.collector.config.ConfigException;
import dev.hench.collector.config.Settings;
import dev.hench.collector.ingest.ListenAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorSettingsTest {

    @Test
    void defaultsAreValid() {
        Settings settings = Settings.of(Map.of());
        CollectorSettings config = CollectorSettings.from(settings);
        settings.validate();

        assertThat(config.ingest().listen().toString()).isEqualTo(ListenAddress.defaultSpelling());
        assertThat(config.http().address().getPort()).isEqualTo(7391);
        assertThat(config.workers().gracePeriod()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Settings settings = Settings.of(Map.of(
                "ingest.listen", "udp:nowhere",
                "ingest.maxConnections", "0",
                "http.listen", "10.0.0.1:80",
                "workers.gracePeriod", "forever",
                "leak.gc.timeShare", "2",
                "leak.warningWithin", "30m",
                "jfr.dumpInterval", "5m",
                "typo.key", "1"));
        CollectorSettings.from(settings);

        ConfigException error = catchThrowableOfType(ConfigException.class, settings::validate);

        assertThat(error.problems()).hasSize(8);
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).startsWith("ingest.listen was 'udp:nowhere'"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).contains("between 1 and 100000"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).startsWith("http.listen was '10.0.0.1:80'"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).startsWith("workers.gracePeriod was 'forever'"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).startsWith("leak.gc.timeShare was '2'"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).contains("at least leak.criticalWithin"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).contains("between 100ms and 1m"));
        assertThat(error.problems()).anySatisfy(p -> assertThat(p).startsWith("typo.key is not a known setting"));
    }

    @Test
    void nonLoopbackTcpNeedsExplicitPermission() {
        Settings refused = Settings.of(Map.of("ingest.listen", "tcp:0.0.0.0:7390"));
        CollectorSettings.from(refused);
        ConfigException error = catchThrowableOfType(ConfigException.class, refused::validate);
        assertThat(error.problems()).singleElement().asString().contains("ingest.allowNonLoopback");

        Settings allowed = Settings.of(Map.of("ingest.listen", "tcp:0.0.0.0:7390", "ingest.allowNonLoopback", "true"));
        CollectorSettings.from(allowed);
        allowed.validate();
    }
}

package dev.hench.agent.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionsParserTest {

    private static final Map<String, String> PROPERTIES =
            Map.of("java.io.tmpdir", "/tmp", "user.name", "alice", "pid", "4242");

    private static OptionsParser.ParseResult parse(String argument) {
        return parse(argument, Map.of("HOSTNAME", "host1"));
    }

    private static OptionsParser.ParseResult parse(String argument, Map<String, String> environment) {
        return new OptionsParser(environment, PROPERTIES).parse(argument);
    }

    @Test
    void defaultsApplyWithoutArgument() {
        AgentOptions options = parse(null).options();

        assertThat(options.collector().socketPath()).isEqualTo(Path.of("/tmp/hench-alice/collector.sock"));
        assertThat(options.workerId()).isEqualTo("host1-4242");
        assertThat(options.intervalMillis()).isEqualTo(1_000);
        assertThat(options.bufferMillis()).isEqualTo(600_000);
        assertThat(options.bufferSlots()).isEqualTo(1_200);
        assertThat(options.enabled()).isTrue();
        assertThat(options.jfrEnabled()).isTrue();
        assertThat(options.phaseTargets()).isEmpty();
    }

    @Test
    void argumentSetsEveryKey() {
        AgentOptions options = parse("collector=tcp:127.0.0.1:7390,worker=build-7,interval=500ms,buffer=2m,"
                + "jfr=false,detail=false,detail.stackDepth=16,enabled=true").options();

        assertThat(options.collector().isUnix()).isFalse();
        assertThat(options.collector().host()).isEqualTo("127.0.0.1");
        assertThat(options.collector().port()).isEqualTo(7390);
        assertThat(options.workerId()).isEqualTo("build-7");
        assertThat(options.intervalMillis()).isEqualTo(500);
        assertThat(options.bufferMillis()).isEqualTo(120_000);
        assertThat(options.jfrEnabled()).isFalse();
        assertThat(options.detailEnabled()).isFalse();
        assertThat(options.detailStackDepth()).isEqualTo(16);
    }

    @Test
    void argumentWinsOverEnvironment() {
        Map<String, String> environment = Map.of("HENCH_WORKER", "from-env", "HENCH_INTERVAL", "2s");

        AgentOptions options = parse("worker=from-arg", environment).options();

        assertThat(options.workerId()).isEqualTo("from-arg");
        assertThat(options.intervalMillis()).isEqualTo(2_000);
    }

    @Test
    void environmentAloneConfigures() {
        Map<String, String> environment = Map.of("HENCH_COLLECTOR", "unix:/run/hench/c.sock",
                "HENCH_PHASES", "load=com.example.Loader#load;run=com.example.Worker#execute");

        AgentOptions options = parse("", environment).options();

        assertThat(options.collector().socketPath()).isEqualTo(Path.of("/run/hench/c.sock"));
        assertThat(options.phaseTargets()).containsExactly(
                new PhaseTarget("load", "com.example.Loader", "load"),
                new PhaseTarget("run", "com.example.Worker", "execute"));
    }

    @Test
    void phaseOptionsAreCollected() {
        AgentOptions options = parse("phase.run=com.example.Worker#execute,phase.load=a.B$Inner#read").options();

        assertThat(options.phaseTargets()).containsExactly(
                new PhaseTarget("run", "com.example.Worker", "execute"),
                new PhaseTarget("load", "a.B$Inner", "read"));
    }

    @Test
    void everyProblemIsReported() {
        OptionsParser.ParseResult result = parse("interval=0s,buffer=forever,collector=http://x,worker=a b,"
                + "jfr=yes,colector=unix:/x,phase.run=Worker,detail.stackDepth=0,phase.gc=java.lang.System#gc");

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems()).extracting(OptionProblem::key).containsExactlyInAnyOrder(
                "interval", "buffer", "collector", "worker", "jfr", "colector", "phase.run",
                "detail.stackDepth", "phase.gc");
    }

    @Test
    void problemLineNamesKeyValueAndAllowed() {
        List<OptionProblem> problems = parse("interval=0s").problems();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).describe())
                .isEqualTo("interval was '0s' but must be a duration such as 500ms, 1s, 10m or 1h, between 100ms and 1h");
    }

    @Test
    void tcpPortOutOfRangeIsRejected() {
        assertThat(parse("collector=tcp:127.0.0.1:70000").problems()).hasSize(1);
        assertThat(parse("collector=tcp:127.0.0.1:").problems()).hasSize(1);
        assertThat(parse("collector=tcp:[::1]:7390").options().collector().host()).isEqualTo("::1");
    }

    @Test
    void pairWithoutEqualsIsRejected() {
        assertThat(parse("interval").problems()).extracting(OptionProblem::key).containsExactly("agent argument");
    }

    @Test
    void durationsParse() {
        assertThat(OptionsParser.parseDurationMillis("250ms")).isEqualTo(250);
        assertThat(OptionsParser.parseDurationMillis("3S")).isEqualTo(3_000);
        assertThat(OptionsParser.parseDurationMillis("10m")).isEqualTo(600_000);
        assertThat(OptionsParser.parseDurationMillis("2h")).isEqualTo(7_200_000);
        assertThat(OptionsParser.parseDurationMillis("1.5s")).isEqualTo(-1);
        assertThat(OptionsParser.parseDurationMillis("-1s")).isEqualTo(-1);
    }

    @Test
    void defaultWorkerIdReplacesOddCharacters() {
        AgentOptions options = parse(null, Map.of("HOSTNAME", "my host/1")).options();

        assertThat(options.workerId()).isEqualTo("my-host-1-4242");
    }

    @Test
    void bufferSlotsHaveFloorAndFollowInterval() {
        assertThat(parse("buffer=1s,interval=1s").options().bufferSlots()).isEqualTo(OptionsParser.MIN_BUFFER_SLOTS);
        assertThat(parse("buffer=10m,interval=500ms").options().bufferSlots()).isEqualTo(2_400);
    }
}

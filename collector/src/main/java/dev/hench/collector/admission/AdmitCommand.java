package dev.hench.collector.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.config.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code collector admit}: requests admission for one more worker from the running collector,
 * for launch scripts. While the level is DELAY it repeats the request until {@code --wait} runs out. When
 * the worker is admitted, the collector counts it as used until it shows in the readings, so
 * the script must start the worker right after a zero exit.
 */
@Command(name = "admit", mixinStandardHelpOptions = true,
        description = "Ask the collector whether one more worker may start now.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:admitted: start the worker now",
            "1:unexpected internal error; the message on standard error says what failed",
            "2:invalid command-line options",
            "3:refused: the worker would not fit (level REFUSE, or UNKNOWN with policy refuse)",
            "4:timed out: the level stayed DELAY (or UNKNOWN with policy delay) for --wait",
            "5:collector unreachable, or its answer could not be read"})
public final class AdmitCommand implements Callable<Integer> {

    public static final int ADMITTED = 0;
    public static final int REFUSED = 3;
    public static final int TIMED_OUT = 4;
    public static final int UNREACHABLE = 5;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Spec
    private CommandSpec spec;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "0s",
            description = "How long to keep asking while the level is DELAY, e.g. 30s or 5m; "
                    + "default: ${DEFAULT-VALUE} (ask once).")
    private String waitText;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:7391",
            description = "Base URL of the collector's loopback HTTP server; default: "
                    + "${DEFAULT-VALUE}.")
    private String url;

    @Option(names = "--expected-bytes", paramLabel = "BYTES",
            description = "Peak memory the worker is expected to reach, in bytes; default: the "
                    + "typical peak RSS of the workers the collector has seen.")
    private Long expectedBytes;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "500ms",
            description = "Pause between questions while waiting; default: ${DEFAULT-VALUE}.")
    private String pollText;

    @Option(names = "--quiet", description = "Print nothing; use the exit code only.")
    private boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        Duration wait = duration("--wait", waitText);
        Duration poll = duration("--poll", pollText);
        if (poll.isZero() || poll.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--poll was '" + pollText
                    + "' but must be longer than 0, such as 500ms");
        }
        if (expectedBytes != null && expectedBytes < 1) {
            throw new ParameterException(spec.commandLine(), "--expected-bytes was '"
                    + expectedBytes + "' but must be a whole number of bytes of at least 1, "
                    + "such as 536870912; leave it out to use the typical worker size");
        }
        URL reserveUrl = reserveUrl();
        long deadlineNanos = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode answer;
            try {
                answer = ask(reserveUrl);
            } catch (IOException e) {
                say("collector unreachable at " + url + ": " + e.getMessage()
                        + "; start it with 'collector run' or pass --url");
                return UNREACHABLE;
            }
            String verdict = answer.path("verdict").asText("");
            if (answer.path("admitted").asBoolean(false)) {
                say("admitted (level " + answer.path("level").asText() + ", reserved "
                        + answer.path("reservedBytes").asLong() + " bytes)");
                return ADMITTED;
            }
            if (verdict.equals("REJECT")) {
                say("refused: " + answer.path("reasons"));
                return REFUSED;
            }
            if (!verdict.equals("WAIT")) {
                say("unexpected answer from " + reserveUrl + ": " + answer);
                return UNREACHABLE;
            }
            if (System.nanoTime() + poll.toNanos() > deadlineNanos) {
                say("timed out after " + Durations.format(wait) + " at level "
                        + answer.path("level").asText() + ": " + answer.path("reasons"));
                return TIMED_OUT;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private JsonNode ask(URL reserveUrl) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) reserveUrl.openConnection();
        connection.setRequestMethod("POST");
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) CONNECT_TIMEOUT.toMillis() * 5);
        connection.setDoOutput(true);
        connection.getOutputStream().close();
        int status = connection.getResponseCode();
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + reserveUrl);
        }
        try (InputStream body = connection.getInputStream()) {
            return new ObjectMapper().readTree(body);
        } finally {
            connection.disconnect();
        }
    }

    private URL reserveUrl() {
        try {
            URI base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(base.getScheme()) || base.getHost() == null) {
                throw new IllegalArgumentException("not an http URL with a host");
            }
            if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the collector serves HTTP on loopback only");
            }
            String query = expectedBytes == null ? "" : "?expectedBytes=" + expectedBytes;
            return URI.create(base + AdmissionHttpHandler.PATH + "/reserve" + query).toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--url was '" + url + "' but must be "
                    + "a loopback http URL such as http://127.0.0.1:7391 (" + e.getMessage() + ")");
        }
    }

    private Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + " " + e.getMessage());
        }
    }

    private void say(String line) {
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("admit: " + line);
            err.flush();
        }
    }
}

package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hench.collector.budget.BudgetReader;
import dev.hench.collector.budget.BudgetSettings;
import dev.hench.collector.cli.CollectorMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The HTTP handler on a real loopback server, and {@code collector admit} against it. */
class AdmitCommandTest {

    @TempDir
    Path temp;

    private ContainerTree tree;
    private AdmissionController controller;
    private HttpServer server;
    private String url;
    private final StringWriter err = new StringWriter();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        tree = new ContainerTree(temp);
        BudgetSettings budget = new BudgetSettings(tree.root(), null, BudgetSettings.Os.LINUX,
                false);
        AdmissionSettings settings = AdmissionSettings.defaults().withBudget(budget);
        controller = new AdmissionController(settings, BudgetReader.from(budget),
                () -> OptionalLong.of(100L << 20), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        AdmissionHttpHandler handler = new AdmissionHttpHandler(controller);
        server.createContext(AdmissionHttpHandler.PATH, exchange -> {
            requests.incrementAndGet();
            handler.handle(exchange);
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        controller.close();
    }

    private int admit(String... options) {
        CommandLine command = CollectorMain.newCommandLine();
        command.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 1];
        args[0] = "admit";
        System.arraycopy(options, 0, args, 1, options.length);
        return command.execute(args);
    }

    @Test
    void getReturnsLevelBudgetAndSources() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/v1/admission")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("level").asText()).isEqualTo("NORMAL");
        assertThat(body.get("limitBytes").asLong()).isEqualTo(ContainerTree.LIMIT_BYTES);
        assertThat(body.get("cgroupDir").asText()).isEqualTo("/sys/fs/cgroup");
        assertThat(body.at("/sources/limitBytes").asText())
                .isEqualTo("/sys/fs/cgroup/memory.max");
        assertThat(body.at("/sources/availableBytes").asText())
                .startsWith("/sys/fs/cgroup/memory.max - working set");
        assertThat(body.get("nextWorkerBytes").asLong()).isEqualTo(100L << 20);
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/v1/admission/other")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void admittedWorkerIsReserved() {
        assertThat(admit("--url", url)).isEqualTo(AdmitCommand.ADMITTED);

        assertThat(controller.current().reservedBytes()).isEqualTo(100L << 20);
        assertThat(err.toString()).contains("admitted (level NORMAL, reserved 104857600 bytes)");
    }

    @Test
    void refusedWhenWorkerDoesNotFit() {
        tree.useShare(0.7);

        assertThat(admit("--url", url, "--expected-bytes", String.valueOf(400L << 20)))
                .isEqualTo(AdmitCommand.REFUSED);
        assertThat(err.toString()).contains("next worker needs about 400.0 MiB");
    }

    @Test
    void timesOutWhileDelayed() {
        tree.useShare(0.85);

        assertThat(admit("--url", url, "--wait", "300ms", "--poll", "100ms"))
                .isEqualTo(AdmitCommand.TIMED_OUT);
        assertThat(err.toString()).contains("timed out after 300ms at level DELAY");
    }

    @Test
    void waitsUntilDelayEnds() throws Exception {
        tree.useShare(0.85);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> admit("--url", url, "--wait", "30s", "--poll", "100ms"));

        await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() >= 2);
        assertThat(exit).isNotDone();
        tree.useShare(0.5);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(AdmitCommand.ADMITTED);
    }

    @Test
    void unreachableCollectorIsExitFive() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(admit("--url", "http://127.0.0.1:" + closedPort))
                .isEqualTo(AdmitCommand.UNREACHABLE);
        assertThat(err.toString()).contains("collector unreachable");
    }

    @Test
    void nonLoopbackUrlIsRejected() {
        assertThat(admit("--url", "http://192.0.2.1:7391")).isEqualTo(2);
        assertThat(err.toString()).contains("must be a loopback http URL");
    }

    @Test
    void waitDurationIsValidated() {
        assertThat(admit("--url", url, "--wait", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--wait duration was 'soon'");
    }

    @Test
    void nonPositiveExpectedBytesAreRejected() {
        for (String bytes : new String[] {"-5", "0"}) {
            assertThat(admit("--url", url, "--expected-bytes", bytes)).as(bytes).isEqualTo(2);
            assertThat(err.toString()).contains("--expected-bytes was '" + bytes + "'");
        }
        assertThat(requests.get()).isZero();
    }

    @Test
    void zeroPollIsRejected() {
        assertThat(admit("--url", url, "--wait", "1s", "--poll", "0ms")).isEqualTo(2);
        assertThat(err.toString()).contains("--poll was '0ms'");
        assertThat(requests.get()).isZero();
    }
}

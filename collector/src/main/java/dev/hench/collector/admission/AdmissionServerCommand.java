package dev.hench.collector.admission;

import com.sun.net.httpserver.HttpServer;
import dev.hench.collector.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code collector admission-server}: serves only {@code /v1/admission} on loopback, without
 * ingest. Hidden: it exists for the admission tests and the OOM comparison script, which need a
 * collector that reads a chosen cgroup. Once {@code collector run} mounts the same handler on
 * its loopback port, this command is needed only by those scripts.
 */
@Command(name = "admission-server", hidden = true, mixinStandardHelpOptions = true,
        description = "Serve GET /v1/admission and POST /v1/admission/reserve on loopback only.")
public final class AdmissionServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7391",
            description = "Loopback TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file.")
    private Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Setting, e.g. budget.cgroup=/workers or admission.interval=500ms.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Settings settings = Settings.load(config, overrides);
        AdmissionSettings admission = AdmissionSettings.from(settings);
        settings.validate();
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        try (AdmissionController controller = AdmissionController.create(admission,
                WorkerPeaks.none())) {
            server.createContext(AdmissionHttpHandler.PATH, new AdmissionHttpHandler(controller));
            server.start();
            controller.start();
            // Tests read the chosen port from this line.
            System.out.println("admission-server listening on http://127.0.0.1:"
                    + server.getAddress().getPort());
            System.out.flush();
            // Looked up here, not in a static field: picocli creates every command at start-up,
            // and initialising logging then would slow down 'collector budget'.
            Logger log = LoggerFactory.getLogger(AdmissionServerCommand.class);
            log.info("admission server started on {}", server.getAddress());
            new CountDownLatch(1).await();
            return 0;
        } finally {
            server.stop(0);
        }
    }
}

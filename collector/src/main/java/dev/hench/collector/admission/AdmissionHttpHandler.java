package dev.hench.collector.admission;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves admission over HTTP; mount it at {@code /v1/admission} on the loopback server.
 *
 * <ul>
 *   <li>{@code GET /v1/admission}: the current decision with the budget and the source of every
 *       number.</li>
 *   <li>{@code POST /v1/admission/reserve[?expectedBytes=N]}: decides for one worker now and,
 *       when it is admitted, counts it as used until it shows in the readings. Returns
 *       {@code {"admitted":true|false,"level":...,"verdict":"ADMIT|WAIT|REJECT",...}}.</li>
 * </ul>
 */
public final class AdmissionHttpHandler implements HttpHandler {

    /** The context path to mount this handler at. */
    public static final String PATH = "/v1/admission";
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionHttpHandler.class);

    private final AdmissionController controller;

    public AdmissionHttpHandler(AdmissionController controller) {
        this.controller = controller;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(PATH) || path.equals(PATH + "/")) {
                if (!method.equals("GET")) {
                    send(exchange, 405, error("use GET for " + PATH));
                    return;
                }
                send(exchange, 200, AdmissionJson.document(controller.current()));
            } else if (path.equals(PATH + "/reserve")) {
                reserve(exchange, method, uri.getRawQuery());
            } else {
                send(exchange, 404, error(path + " not found; use GET " + PATH
                        + " or POST " + PATH + "/reserve"));
            }
        }
    }

    private void reserve(HttpExchange exchange, String method, String query) throws IOException {
        if (!method.equals("POST")) {
            send(exchange, 405, error("use POST for " + PATH + "/reserve"));
            return;
        }
        long expectedBytes;
        try {
            expectedBytes = expectedBytes(query);
        } catch (NumberFormatException e) {
            send(exchange, 400, error("expectedBytes in '" + query
                    + "' is not a whole number of bytes; pass e.g. expectedBytes=314572800"));
            return;
        }
        AdmissionController.ReservationResult result = controller.tryReserve(expectedBytes);
        LOG.debug("reservation from {}: admitted={} level={}", exchange.getRemoteAddress(),
                result.admitted(), result.decision().level());
        send(exchange, 200, AdmissionJson.reservation(result.admitted(), result.decision(),
                result.reservedBytes()));
    }

    private static long expectedBytes(String query) {
        if (query == null) {
            return -1;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("expectedBytes=")) {
                long value = Long.parseLong(pair.substring("expectedBytes=".length()));
                if (value <= 0) {
                    throw new NumberFormatException("not positive: " + value);
                }
                return value;
            }
        }
        return -1;
    }

    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

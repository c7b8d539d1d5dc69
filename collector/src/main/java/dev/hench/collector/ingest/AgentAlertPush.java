package dev.hench.collector.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertListener;
import dev.hench.collector.alert.LogAlertListener;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends each alert to the affected worker's agent as an {@code alert} line, when it is connected. */
public final class AgentAlertPush implements AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AgentAlertPush.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentLinks links;

    public AgentAlertPush(AgentLinks links) {
        this.links = links;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public void onAlert(Alert alert) {
        String line = toWire(alert);
        if (!links.send(alert.worker(), line)) {
            log.debug("alert not pushed, worker not connected or queue full alert={} worker={}",
                    alert.id(), alert.worker());
        }
    }

    /** Returns the {@code alert} line of docs/protocol.md for {@code alert}. */
    public static String toWire(Alert alert) {
        ObjectNode node = JSON.createObjectNode()
                .put("type", "alert")
                .put("id", alert.id())
                .put("signal", alert.signal().wireName())
                .put("level", LogAlertListener.levelName(alert.level()))
                .put("state", alert.state().name().toLowerCase(Locale.ROOT))
                .put("message", alert.message() == null ? "" : alert.message());
        return node.toString();
    }
}

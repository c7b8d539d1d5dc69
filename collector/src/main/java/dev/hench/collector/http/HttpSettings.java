package dev.hench.collector.http;

import dev.hench.collector.config.Settings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Key of the HTTP port: {@code http.listen} (flag {@code --http}), {@code HOST:PORT} on a
 * loopback address, default {@code 127.0.0.1:7391}; port 0 lets the system choose, and
 * {@code off} disables the port.
 *
 * @param address the address to bind, or null when the port is off
 */
public record HttpSettings(InetSocketAddress address) {

    static final String DEFAULT = "127.0.0.1:7391";

    public static HttpSettings from(Settings settings) {
        String raw = settings.string("http.listen", DEFAULT).trim();
        if (raw.equalsIgnoreCase("off")) {
            return new HttpSettings(null);
        }
        InetSocketAddress parsed = parse(raw);
        if (parsed == null) {
            settings.problem("http.listen", raw, "must be HOST:PORT on a loopback address such as "
                    + DEFAULT + " (port 0 picks a free port), or off");
            return new HttpSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 7391));
        }
        return new HttpSettings(parsed);
    }

    private static InetSocketAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            InetAddress address = InetAddress.getByName(host);
            if (port < 0 || port > 65_535 || !address.isLoopbackAddress()) {
                return null;
            }
            return new InetSocketAddress(address, port);
        } catch (NumberFormatException | UnknownHostException e) {
            return null;
        }
    }
}

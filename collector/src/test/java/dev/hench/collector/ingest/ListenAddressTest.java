package dev.hench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void unixAddressKeepsPath() {
        ListenAddress address = ListenAddress.parse("unix:/run/hench/collector.sock");

        assertThat(address.kind()).isEqualTo(ListenAddress.Kind.UNIX);
        assertThat(address.socketPath()).isEqualTo(Path.of("/run/hench/collector.sock"));
        assertThat(address.isLoopback()).isTrue();
        assertThat(address).hasToString("unix:/run/hench/collector.sock");
    }

    @Test
    void tcpAddressesParse() {
        assertThat(ListenAddress.parse("tcp:127.0.0.1:7390").isLoopback()).isTrue();
        assertThat(ListenAddress.parse("tcp:[::1]:0")).hasToString("tcp:[::1]:0");
        assertThat(ListenAddress.parse("tcp:0.0.0.0:7390").isLoopback()).isFalse();
    }

    @Test
    void invalidAddressesNameTheForms() {
        for (String text : new String[] {"", "unix:", "tcp:host", "tcp::80", "tcp:h:99999", "tcp:h:x", "udp:h:1"}) {
            assertThatThrownBy(() -> ListenAddress.parse(text)).as(text)
                    .hasMessageContaining("'" + text + "'")
                    .hasMessageContaining("unix:PATH");
        }
    }
}

package dev.hench.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloMessageTest {

    @Test
    void cgroupV2LineIsUsed(@TempDir Path dir) throws Exception {
        Path cgroup = dir.resolve("cgroup");
        Files.writeString(cgroup, "0::/system.slice/worker.service\n");

        assertThat(HelloMessage.cgroupPath(cgroup)).isEqualTo("/system.slice/worker.service");
    }

    @Test
    void cgroupV1MemoryLineWinsOnHybrid(@TempDir Path dir) throws Exception {
        Path cgroup = dir.resolve("cgroup");
        Files.writeString(cgroup, "12:cpu,cpuacct:/a\n11:memory:/docker/abc\n0::/init.scope\n");

        assertThat(HelloMessage.cgroupPath(cgroup)).isEqualTo("/docker/abc");
    }

    @Test
    void missingCgroupFileGivesNull(@TempDir Path dir) {
        assertThat(HelloMessage.cgroupPath(dir.resolve("none"))).isNull();
    }

    @Test
    void gcFamiliesFromMxBeanNames() {
        assertThat(HelloMessage.gcFamily("G1 Young Generation")).isEqualTo("G1");
        assertThat(HelloMessage.gcFamily("PS Scavenge")).isEqualTo("Parallel");
        assertThat(HelloMessage.gcFamily("Copy")).isEqualTo("Serial");
        assertThat(HelloMessage.gcFamily("ZGC Minor Cycles")).isEqualTo("Z");
        assertThat(HelloMessage.gcFamily("Shenandoah Pauses")).isEqualTo("Shenandoah");
        assertThat(HelloMessage.gcFamily("Epsilon Heap")).isNull();
    }

    @Test
    void helloCarriesIdentity() {
        String line = new String(HelloMessage.encode("build-7", "abcdef0123456789", "0.1.0"), StandardCharsets.UTF_8);
        Map<String, Object> hello = JsonReader.parseObject(line.trim());

        assertThat(line).endsWith("}\n");
        assertThat(hello).containsEntry("type", "hello")
                .containsEntry("protocol", 1L)
                .containsEntry("worker", "build-7")
                .containsEntry("session", "abcdef0123456789")
                .containsEntry("pid", ProcessHandle.current().pid())
                .containsEntry("agentVersion", "0.1.0")
                .containsKeys("jvmVendor", "jvmVersion", "startTimeMillis", "heapMaxBytes");
    }
}

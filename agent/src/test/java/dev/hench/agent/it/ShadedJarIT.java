package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

class ShadedJarIT {

    @Test
    void jarHoldsOnlyAllowedPrefixes() throws Exception {
        List<String> outside = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(WorkerProcess.agentJar().toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.startsWith("dev/hench/agent/") && !name.startsWith("META-INF/") && !name.equals("dev/")
                        && !name.equals("dev/hench/")) {
                    outside.add(name);
                }
                if (name.startsWith("dev/hench/agent/shaded/bytebuddy/") && name.endsWith(".class")) {
                    classes++;
                }
            }
        }

        assertThat(outside).isEmpty();
        assertThat(classes).as("relocated Byte Buddy classes").isGreaterThan(100);
    }

    @Test
    void manifestNamesEntryPoints() throws Exception {
        try (JarFile jar = new JarFile(WorkerProcess.agentJar().toFile())) {
            Attributes attributes = jar.getManifest().getMainAttributes();

            assertThat(attributes.getValue("Premain-Class")).isEqualTo("dev.hench.agent.AgentMain");
            assertThat(attributes.getValue("Agent-Class")).isEqualTo("dev.hench.agent.AgentMain");
            assertThat(attributes.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(attributes.getValue("Implementation-Version")).isNotBlank();
        }
    }
}

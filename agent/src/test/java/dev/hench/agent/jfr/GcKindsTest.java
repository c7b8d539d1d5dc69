package dev.hench.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcKindsTest {

    @Test
    void g1YoungAndMixedFollowTheG1Type() {
        assertThat(GcKinds.kindOf("G1New", "Normal", true, false)).isEqualTo("young");
        assertThat(GcKinds.kindOf("G1New", "Prepare Mixed", true, false)).isEqualTo("young");
        assertThat(GcKinds.kindOf("G1New", "Concurrent Start", true, false)).isEqualTo("young");
        assertThat(GcKinds.kindOf("G1New", "Mixed", true, false)).isEqualTo("mixed");
        assertThat(GcKinds.kindOf("G1New", null, true, false)).isEqualTo("young");
    }

    @Test
    void fullCollections() {
        assertThat(GcKinds.kindOf("G1Full", null, false, true)).isEqualTo("full");
        assertThat(GcKinds.kindOf("ParallelOld", null, false, true)).isEqualTo("full");
        assertThat(GcKinds.kindOf("SerialOld", null, false, true)).isEqualTo("full");
    }

    @Test
    void concurrentCyclesAreOld() {
        assertThat(GcKinds.kindOf("G1Old", null, false, true)).isEqualTo("old");
        assertThat(GcKinds.kindOf("Z", null, false, false)).isEqualTo("old");
        assertThat(GcKinds.kindOf("ZGC Major", null, false, false)).isEqualTo("old");
        assertThat(GcKinds.kindOf("ZGC Minor", null, false, false)).isEqualTo("young");
        assertThat(GcKinds.kindOf("Shenandoah", null, false, false)).isEqualTo("old");
    }

    @Test
    void unknownNameFallsBackToMarkerEvents() {
        assertThat(GcKinds.kindOf("Future", null, true, false)).isEqualTo("young");
        assertThat(GcKinds.kindOf("Future", null, false, true)).isEqualTo("old");
        assertThat(GcKinds.kindOf("Future", null, false, false)).isNull();
    }

    @Test
    void arrayNamesReadAsJava() {
        assertThat(OldObjectSampler.javaName("[B")).isEqualTo("byte[]");
        assertThat(OldObjectSampler.javaName("[[I")).isEqualTo("int[][]");
        assertThat(OldObjectSampler.javaName("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
        assertThat(OldObjectSampler.javaName("java.util.HashMap")).isEqualTo("java.util.HashMap");
    }
}

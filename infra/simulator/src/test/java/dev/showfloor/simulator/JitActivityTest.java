package dev.showfloor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JitActivityTest {

    @Test
    void thisJvmHasCompiledSomethingAndKeepsCounting() {
        Path own = Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + System.getProperty("user.name"),
                Long.toString(ProcessHandle.current().pid()));
        double before = JitActivity.compileSeconds(own).orElseThrow();
        long spin = 0;
        for (int round = 0; round < 200; round++) { // fresh lambdas and loops for the JIT to compile
            spin += java.util.stream.IntStream.range(0, 20_000).map(i -> i * 31 ^ (i >>> 3)).sum();
        }
        assertThat(spin).isNotZero();
        assertThat(before).isPositive();
        assertThat(JitActivity.compileSeconds(own).orElseThrow()).isGreaterThanOrEqualTo(before);
        assertThat(JitActivity.compileSecondsSoFar()).containsKey("load_generator");
    }

    @Test
    void somethingElseIsRefusedOrUnread() {
        assertThatThrownBy(() -> JitActivity.longCounters(ByteBuffer.allocate(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JitActivity.compileSeconds(Path.of("/nonexistent/12345"))).isEmpty();
    }
}

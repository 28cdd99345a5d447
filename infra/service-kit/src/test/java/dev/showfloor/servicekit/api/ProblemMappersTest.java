package dev.showfloor.servicekit.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotFoundException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aProblemRaisedInsideAnAsynchronousAnswerKeepsItsStatus() {
        assertThat(mappers.asynchronous(new CompletionException(ProblemException.notFound("no order x")))
                .getStatus()).isEqualTo(404);
        assertThat(mappers.asynchronous(new CompletionException(new NotFoundException("gone"))).getStatus())
                .isEqualTo(404);
    }

    @Test
    void anythingElseInsideItIsAnInternalError() {
        assertThat(mappers.asynchronous(new CompletionException(new IllegalStateException("bug"))).getStatus())
                .isEqualTo(500);
        assertThat(mappers.asynchronous(new CompletionException(new Exception("checked"))).getStatus())
                .isEqualTo(500);
    }
}

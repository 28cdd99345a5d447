package dev.showfloor.servicekit.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves a service as application/problem+json. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()).toResponse();
    }

    /** A failure inside an asynchronous answer arrives wrapped; it is answered as if thrown directly. */
    @ServerExceptionMapper
    public Response asynchronous(CompletionException e) {
        return switch (e.getCause()) {
            case ProblemException problem -> problem(problem);
            case WebApplicationException web -> webApplication(web);
            case RuntimeException other -> unexpected(other);
            case null, default -> unexpected(e);
        };
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unhandled error", e);
        return Problem.of(500, "Internal Server Error", "unexpected error; see the service log").toResponse();
    }
}

package dev.showfloor.servicekit.api;

/** Thrown by resources to answer with a problem document. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "Bad Request", detail));
    }

    /** 400 naming every invalid field. */
    public static ProblemException invalid(java.util.List<Problem.FieldError> errors) {
        return new ProblemException(new Problem("about:blank", "Bad Request", 400,
                "invalid fields: " + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()),
                null, errors));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail));
    }

    public Problem problem() {
        return problem;
    }
}

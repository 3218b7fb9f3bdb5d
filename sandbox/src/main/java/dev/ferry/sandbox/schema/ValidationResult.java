package dev.ferry.sandbox.schema;

import java.util.List;

/** The outcome of validating one XDM event; valid when there is no violation. */
public record ValidationResult(List<Violation> violations) {

    private static final ValidationResult VALID = new ValidationResult(List.of());

    public ValidationResult {
        violations = List.copyOf(violations);
    }

    public static ValidationResult valid() {
        return VALID;
    }

    public static ValidationResult invalid(Violation violation) {
        return new ValidationResult(List.of(violation));
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** The failing JSON paths, in the order reported. */
    public List<String> paths() {
        return violations.stream().map(Violation::path).toList();
    }

    /** One message per violation, each naming its path. */
    public List<String> messages() {
        return violations.stream().map(Violation::message).toList();
    }

    /** Whether a required field is missing, which AEP's batch ingestion reports under its own error code. */
    public boolean missesRequiredField() {
        return violations.stream().anyMatch(v -> "required".equals(v.keyword()));
    }
}

package dev.ferry.sandbox.ims;

import dev.ferry.sandbox.SandboxSettings;
import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the headers every authenticated AEP call carries: {@code Authorization: Bearer}, {@code x-api-key},
 * {@code x-gw-ims-org-id} and, for Platform APIs, {@code x-sandbox-name}.
 */
public final class CredentialCheck {

    private static final String BEARER = "bearer ";

    private final TokenStore tokens;
    private final SandboxSettings settings;

    public CredentialCheck(TokenStore tokens, SandboxSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    /**
     * @param headers      the request headers
     * @param needsSandbox whether the API is a Platform API that works inside a named sandbox
     * @return the first failing check, or empty when the request may proceed
     */
    public Optional<CredentialFailure> check(MultiMap headers, boolean needsSandbox) {
        String authorization = headers.get("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(CredentialFailure.TOKEN_MISSING);
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.of(CredentialFailure.TOKEN_INVALID);
        }
        switch (tokens.check(authorization.substring(BEARER.length()).trim())) {
            case UNKNOWN:
                return Optional.of(CredentialFailure.TOKEN_INVALID);
            case EXPIRED:
                return Optional.of(CredentialFailure.TOKEN_EXPIRED);
            default:
                break;
        }
        Optional<CredentialFailure> apiKey = compare(headers.get("x-api-key"), settings.clientId(),
                CredentialFailure.API_KEY_MISSING, CredentialFailure.API_KEY_INVALID);
        if (apiKey.isPresent()) {
            return apiKey;
        }
        Optional<CredentialFailure> org = compare(headers.get("x-gw-ims-org-id"), settings.imsOrgId(),
                CredentialFailure.ORG_MISSING, CredentialFailure.ORG_INVALID);
        if (org.isPresent() || !needsSandbox) {
            return org;
        }
        return compare(headers.get("x-sandbox-name"), settings.sandboxName(),
                CredentialFailure.SANDBOX_MISSING, CredentialFailure.SANDBOX_INVALID);
    }

    private static Optional<CredentialFailure> compare(
            String actual, String expected, CredentialFailure missing, CredentialFailure wrong) {
        if (actual == null || actual.isBlank()) {
            return Optional.of(missing);
        }
        return actual.trim().equals(expected) ? Optional.empty() : Optional.of(wrong);
    }
}

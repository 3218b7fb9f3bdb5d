package dev.ferry.sandbox.web;

import dev.ferry.sandbox.edge.EdgeProblems;
import dev.ferry.sandbox.ims.CredentialFailure;

/**
 * The answers AEP gives to bad credentials.
 *
 * <p>Platform and streaming APIs sit behind the Adobe I/O gateway, whose documented bodies are
 * {@code {"error_code","message"}} (Experience Platform troubleshooting guide, request header errors). The Edge
 * Network answers token problems itself, with its EXEG problem documents (Edge Network Server API authentication
 * guide); its other header checks use the gateway's answers.
 */
public final class CredentialErrors {

    private CredentialErrors() {
    }

    public static Reply reply(ApiFamily family, CredentialFailure failure) {
        if (family == ApiFamily.EDGE) {
            switch (failure) {
                case TOKEN_MISSING:
                    return EdgeProblems.invalidToken("The authorization header is missing.");
                case TOKEN_INVALID:
                    return EdgeProblems.invalidToken("The provided authorization token is not valid or was revoked.");
                case TOKEN_EXPIRED:
                    return EdgeProblems.expiredToken();
                default:
                    break;
            }
        }
        return gateway(failure);
    }

    private static Reply gateway(CredentialFailure failure) {
        switch (failure) {
            case TOKEN_MISSING:
                return gateway(403, "403010", "Oauth token is missing.");
            case TOKEN_INVALID:
            case TOKEN_EXPIRED:
                return gateway(401, "401013", "Oauth token is not valid");
            case API_KEY_MISSING:
                return gateway(403, "403000", "Api Key is required");
            case API_KEY_INVALID:
                return gateway(403, "403003", "Api Key is invalid");
            case ORG_MISSING:
            case SANDBOX_MISSING:
                return gateway(400, "400003", "Missing header");
            case ORG_INVALID:
            case SANDBOX_INVALID:
                return gateway(403, "403025", "Profile is not valid");
            default:
                throw new IllegalArgumentException("unhandled credential failure " + failure);
        }
    }

    private static Reply gateway(int status, String errorCode, String message) {
        return Reply.json(status, Json.object().put("error_code", errorCode).put("message", message));
    }
}

package dev.ferry.sandbox.ims;

/** Why a request's credential headers were refused, in the order AEP's gateway checks them. */
public enum CredentialFailure {
    TOKEN_MISSING,
    TOKEN_INVALID,
    TOKEN_EXPIRED,
    API_KEY_MISSING,
    API_KEY_INVALID,
    ORG_MISSING,
    ORG_INVALID,
    SANDBOX_MISSING,
    SANDBOX_INVALID
}

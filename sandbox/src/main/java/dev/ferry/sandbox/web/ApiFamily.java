package dev.ferry.sandbox.web;

/** AEP's front doors; each answers credential and fault errors in its own body shape. */
public enum ApiFamily {
    /** Adobe IMS, which issues the tokens; never faulted and never asks for a token. */
    IMS,
    /** Edge Network Server API: RFC 7807 problems with EXEG error codes. */
    EDGE,
    /** Streaming ingestion (DCS): Adobe I/O gateway credential errors, DCS problems otherwise. */
    STREAMING,
    /** Platform APIs under {@code /data}: Adobe I/O gateway errors, and an {@code x-sandbox-name} is required. */
    PLATFORM
}

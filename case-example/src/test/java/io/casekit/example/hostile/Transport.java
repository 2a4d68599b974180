package io.casekit.example.hostile;

import java.util.Optional;

/**
 * How a body is carried to the host: as a well-behaved client sends it (with its length, or
 * chunked), or with the headers the host refuses before it reads a byte of the body.
 */
enum Transport {
    /** {@code Content-Length} and {@code Content-Type: application/json}, the valid token. */
    DECLARED_LENGTH(Optional.empty()),
    /** No declared length: the body is chunked, and the host must bound what it reads itself. */
    CHUNKED(Optional.empty()),
    NO_TOKEN(Optional.of("401001")),
    UNKNOWN_TOKEN(Optional.of("401001")),
    TWO_TOKENS(Optional.of("401001")),
    TEXT_PLAIN(Optional.of("415001")),
    LATIN1(Optional.of("415001"));

    /** The {@code resCode} the host answers whatever the body, when its headers are refused. */
    final Optional<String> refusedWith;

    Transport(Optional<String> refusedWith) {
        this.refusedWith = refusedWith;
    }
}

package io.casekit.example;

/**
 * The host can not start: a file it was given is wrong or unreadable, the database can not be
 * opened, the port is taken. The message is for the operator and says what and where; it holds no
 * token and no password.
 */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}

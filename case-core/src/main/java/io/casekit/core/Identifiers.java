package io.casekit.core;

/** The character rules shared by every identifier of the domain. */
final class Identifiers {
    private Identifiers() {}

    /** ASCII letters, digits, {@code -} and {@code _}: the id charset of domain-rules §2. */
    static boolean isIdCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    static boolean isId(String value, int maxLength) {
        if (value.isEmpty() || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isIdCharacter(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String require(String kind, String value, int maxLength) {
        if (!isId(value, maxLength)) {
            throw new IllegalArgumentException(kind + " must be 1 to " + maxLength
                    + " ASCII letters, digits, '-' or '_'");
        }
        return value;
    }
}

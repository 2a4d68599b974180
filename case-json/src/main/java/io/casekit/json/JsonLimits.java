package io.casekit.json;

/**
 * The limits a {@link CaseJson} puts on every document it reads. A body over
 * {@link #maxDocumentBytes()} is refused by its length alone ({@code 413001}), before a byte of it
 * is parsed; a document over one of the other limits is malformed ({@code 400001}). They apply to
 * casekit's own JSON factory only: Jackson's global defaults are never changed.
 *
 * <p>The defaults are far above what any valid request needs (a request nests three levels deep,
 * a NUMBER field holds at most 38 digits, a field name at most 63 characters) and low enough that a
 * hostile body costs little to refuse.
 *
 * @param maxDocumentBytes the largest body, in bytes; default 1 MiB (1,048,576)
 * @param maxNestingDepth  the deepest nesting of arrays and objects; default 32
 * @param maxNumberLength  the most characters of a number; default 100
 * @param maxNameLength    the most characters of an object key; default 256
 */
public record JsonLimits(int maxDocumentBytes, int maxNestingDepth, int maxNumberLength, int maxNameLength) {
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1_048_576;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;
    public static final int DEFAULT_MAX_NAME_LENGTH = 256;

    /** The largest document limit: a body must fit in one Java array, with a byte to spare. */
    public static final int MAX_DOCUMENT_BYTES = Integer.MAX_VALUE - 16;

    /** The smallest key limit: the longest name a template field may have (domain-rules §5). */
    public static final int MIN_NAME_LENGTH = 63;

    /**
     * @throws IllegalArgumentException when a limit is below 1, the nesting depth below 3, the key
     *                                  length below {@link #MIN_NAME_LENGTH}, or the document limit
     *                                  above {@link #MAX_DOCUMENT_BYTES}
     */
    public JsonLimits {
        positive("maxDocumentBytes", maxDocumentBytes);
        if (maxNameLength < MIN_NAME_LENGTH) {
            throw new IllegalArgumentException("maxNameLength must be at least " + MIN_NAME_LENGTH + ", was "
                    + maxNameLength);
        }
        if (maxDocumentBytes > MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("maxDocumentBytes must be at most " + MAX_DOCUMENT_BYTES);
        }
        positive("maxNumberLength", maxNumberLength);
        if (maxNestingDepth < 3) {
            // The top level, caseInfo and a MULTI_PICKLIST array: less would refuse valid requests.
            throw new IllegalArgumentException("maxNestingDepth must be at least 3, was " + maxNestingDepth);
        }
    }

    /** The default limits. */
    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_NUMBER_LENGTH,
                DEFAULT_MAX_NAME_LENGTH);
    }

    public JsonLimits withMaxDocumentBytes(int value) {
        return new JsonLimits(value, maxNestingDepth, maxNumberLength, maxNameLength);
    }

    public JsonLimits withMaxNestingDepth(int value) {
        return new JsonLimits(maxDocumentBytes, value, maxNumberLength, maxNameLength);
    }

    public JsonLimits withMaxNumberLength(int value) {
        return new JsonLimits(maxDocumentBytes, maxNestingDepth, value, maxNameLength);
    }

    public JsonLimits withMaxNameLength(int value) {
        return new JsonLimits(maxDocumentBytes, maxNestingDepth, maxNumberLength, value);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}

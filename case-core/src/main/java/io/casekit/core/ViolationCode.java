package io.casekit.core;

/** The stable machine codes of {@link Violation}s. Clients and tests may rely on {@link #code()}. */
public enum ViolationCode {
    /** A mandatory value is missing or null. */
    REQUIRED("required"),
    /** A mandatory text is empty or only white space. */
    BLANK("blank"),
    /** A text is longer, in UTF-8 bytes, than allowed. */
    TOO_LONG("too_long"),
    /** A text holds a character the field refuses: a control character, U+0000, a lone surrogate. */
    INVALID_CHARACTERS("invalid_characters"),
    /** A text is not in the field's format (date, phone, e-mail, URL, id). */
    INVALID_FORMAT("invalid_format"),
    /** A value is not one of the allowed ones; the parameters list them. */
    INVALID_VALUE("invalid_value"),
    /** A value has the wrong JSON type: a number for a string, a string for a boolean, … */
    INVALID_TYPE("invalid_type"),
    /** A key is neither a standard field nor a field of the case's template. */
    UNKNOWN_FIELD("unknown_field"),
    /** A known key that this operation may not set. */
    READ_ONLY("read_only"),
    /** A number is outside its precision, scale, minimum or maximum. */
    OUT_OF_RANGE("out_of_range"),
    /** A list has more items than allowed. */
    TOO_MANY_ITEMS("too_many_items"),
    /** A list holds the same item twice. */
    DUPLICATE_ITEM("duplicate_item"),
    /** A date lies in the past where the host asked for none. */
    IN_PAST("in_past"),
    /**
     * A lifecycle operation the case's status flow or state does not allow now (a status outside the
     * flow, not the next one under strict order, a close before the last status, a resume of a case
     * that is not cancelled, a reopen of one that is not closed); the params hold {@code rule}.
     */
    INVALID_TRANSITION("invalid_transition"),
    /** The case is closed or cancelled, so this operation may not change it; params {@code state}. */
    CASE_READ_ONLY("case_read_only");

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    /** The stable wire code, e.g. {@code too_long}. */
    public String code() {
        return code;
    }
}

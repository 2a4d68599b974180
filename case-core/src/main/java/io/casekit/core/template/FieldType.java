package io.casekit.core.template;

/** The types of extension field a template may declare, with the JSON value each accepts. */
public enum FieldType {
    /** A string of at most {@code maxBytes} (default 255) UTF-8 bytes, no control characters. */
    TEXT,
    /** A string of at most {@code maxBytes} (default 32,000) UTF-8 bytes; TAB, LF and CR allowed. */
    TEXTAREA,
    /** A JSON number, held as an exact decimal within {@code precision}/{@code scale} and optional {@code min}/{@code max}. */
    NUMBER,
    /** A string {@code yyyy-MM-dd}, strict. */
    DATE,
    /** A string {@code yyyy-MM-dd HH:mm:ss}, strict. */
    DATETIME,
    /** A string, exactly one of {@code options}. */
    PICKLIST,
    /** An array of distinct strings, each one of {@code options}, at most {@code maxItems}. */
    MULTI_PICKLIST,
    /** {@code true} or {@code false}. */
    CHECKBOX,
    /** A phone number as {@code contactPhone}, at most {@code maxBytes} (default 20). */
    PHONE,
    /** An e-mail address: one {@code @}, non-empty local part and domain, no spaces, at most 254 bytes. */
    EMAIL,
    /** An absolute {@code http} or {@code https} URI of at most 2,000 bytes. */
    URL
}

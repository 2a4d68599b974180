package io.casekit.core.query;

/** The direction of a sort; the id that ends every order follows the same direction. */
public enum Direction {
    ASC,
    DESC
}

package io.casekit.core.template;

import java.math.BigDecimal;

/** Whether an exact decimal fits a NUMBER field's precision and scale. */
public final class NumberRules {
    private NumberRules() {}

    /**
     * Whether {@code value} has at most {@code scale} digits after the point and at most
     * {@code precision - scale} before it, as a SQL {@code DECIMAL(precision, scale)} column holds.
     * Trailing zeros after the point count: {@code 1.50} has scale 2.
     */
    public static boolean fits(BigDecimal value, int precision, int scale) {
        long valueScale = Math.max(value.scale(), 0);
        if (valueScale > scale) {
            return false;
        }
        // long: with a scale near Integer.MIN_VALUE (1E+2147483647) the int difference overflows.
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits <= (long) precision - scale;
    }
}

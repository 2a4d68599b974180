package io.casekit.core.template;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Whether an exact decimal fits a NUMBER field's precision and scale: the values a SQL
 * {@code DECIMAL(precision, scale)} column holds without rounding. Stateless and thread-safe.
 */
public final class NumberRules {
    /**
     * The largest scale magnitude of a NUMBER value (our decision): the bound case-json reads numbers
     * with, so that every value a Java host stores can be sent back over the wire as read. Only a
     * zero or trailing zeros can come near it in a value that fits a {@code DECIMAL}.
     */
    public static final int MAX_SCALE = 10_000;

    private NumberRules() {}

    /**
     * Whether a SQL {@code DECIMAL(precision, scale)} column holds {@code value} exactly: written with
     * {@code scale} digits after the point, never rounded, it has at most {@code precision - scale}
     * digits before it. So:
     * <ul>
     *   <li>zero in any form ({@code 0}, {@code 0.000}, {@code 0E+5}, {@code -0}) always fits;</li>
     *   <li>with {@code scale == precision} only values with {@code |value| < 1} fit ({@code 0.99} in
     *       {@code DECIMAL(2, 2)}); with {@code scale == 0} only integers ({@code 1E+3} in {@code DECIMAL(4, 0)});</li>
     *   <li>zeros after the last significant fraction digit do not count against the scale: {@code 1.500}
     *       fits {@code DECIMAL(3, 2)} as the column holds it as {@code 1.50}, the same number (our
     *       decision, as the column decides; the value is still kept with the scale it was sent with);
     *       {@code 1.505} does not fit, since it would have to be rounded.</li>
     * </ul>
     * A value whose scale is beyond &plusmn;{@value #MAX_SCALE} never fits ({@code 0E-999999999}).
     * The cost is bounded by the digits of {@code value}, whatever its exponent ({@code 1E-999999999}
     * is answered without building a number of that size).
     *
     * @throws IllegalArgumentException when {@code precision < 1} or {@code scale} is not between 0 and {@code precision}
     */
    public static boolean fits(BigDecimal value, int precision, int scale) {
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("DECIMAL(" + precision + ", " + scale
                    + "): precision must be at least 1 and scale between 0 and the precision");
        }
        if (value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE) {
            return false;
        }
        if (value.signum() == 0) {
            return true;
        }
        // Digits before the point of a non-zero value (0 or less when |value| < 1); rescaling without
        // rounding keeps it. long: with a scale near Integer.MIN_VALUE the int difference overflows.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > (long) precision - scale) {
            return false;
        }
        long excessFractionDigits = (long) value.scale() - scale;
        if (excessFractionDigits <= 0) {
            return true;
        }
        // The excess digits must all be trailing zeros; a non-zero unscaled value has fewer of them than digits.
        if (excessFractionDigits >= value.precision()) {
            return false;
        }
        return value.unscaledValue().mod(BigInteger.TEN.pow((int) excessFractionDigits)).signum() == 0;
    }
}

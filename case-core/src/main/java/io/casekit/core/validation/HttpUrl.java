package io.casekit.core.validation;

/**
 * The format of a URL field (domain-rules §5): an absolute {@code http} or {@code https} URI as the
 * grammar of RFC 3986 (Appendix A) writes it, checked by this class itself rather than by
 * {@link java.net.URI}, whose parser is stricter than the standard (it refuses {@code _} and
 * {@code ~} in host names, percent-encoded hosts and sub-delimiters such as {@code !} or {@code =}
 * in a host, all of which RFC 3986 allows).
 *
 * <pre>
 * http-URL    = ( "http" / "https" ) "://" authority path-abempty [ "?" query ] [ "#" fragment ]
 * authority   = [ userinfo "@" ] host [ ":" port ]                              §3.2
 * userinfo    = *( unreserved / pct-encoded / sub-delims / ":" )               §3.2.1
 * host        = IP-literal / IPv4address / reg-name                             §3.2.2
 * IP-literal  = "[" ( IPv6address / IPvFuture ) "]"
 * IPvFuture   = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
 * reg-name    = *( unreserved / pct-encoded / sub-delims )
 * port        = *DIGIT                                                          §3.2.3
 * path-abempty = *( "/" segment ), segment = *pchar                            §3.3
 * pchar       = unreserved / pct-encoded / sub-delims / ":" / "@"
 * query       = *( pchar / "/" / "?" ), fragment = *( pchar / "/" / "?" )     §3.4, §3.5
 * pct-encoded = "%" HEXDIG HEXDIG                                               §2.1
 * unreserved  = ALPHA / DIGIT / "-" / "." / "_" / "~"                           §2.3
 * sub-delims  = "!" / "$" / "&amp;" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="      §2.2
 * </pre>
 *
 * <p>Decisions (ours), each where RFC 3986 leaves room:
 * <ul>
 *   <li>The scheme is {@code http} or {@code https} in any letter case (RFC 3986 §3.1: schemes are
 *       case-insensitive), compared as ASCII only, so that {@code httpſ} (U+017F) is not {@code https}.</li>
 *   <li>The host must not be empty: RFC 9110 §4.2.1 and §4.2.2 say an {@code http} or {@code https}
 *       URI with an empty host is invalid, although RFC 3986 alone would allow {@code http:///x}.</li>
 *   <li>A host of digits and dots that is not a valid IPv4 address (such as {@code 256.1.1.1}) is a
 *       reg-name, as RFC 3986 §3.2.2 says; the port may be empty or any run of digits (§3.2.3). The
 *       grammar does not judge whether a host resolves or a port is open.</li>
 *   <li>An IPv6 zone identifier ({@code [fe80::1%25eth0]}, RFC 6874, which is not part of RFC 3986) is refused.</li>
 *   <li>Userinfo ({@code http://user@host/}) is allowed by RFC 3986 and accepted; RFC 9110 §4.2.4
 *       forbids senders to generate it, so a consumer that follows links should ignore or strip it.</li>
 *   <li>Only ASCII: RFC 3986 has no other characters. A text with raw Unicode ({@code https://例え.jp/},
 *       {@code https://example.com/café}) is an IRI (RFC 3987), not a URI, and is refused: the client
 *       converts it (the host to its IDNA A-label, {@code xn--…}; the rest percent-encoded as UTF-8,
 *       RFC 3987 §3.1), because that conversion is not unique for hosts and casekit stores what was
 *       sent as it was sent.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; no allocation; time linear in the text's length (the format is
 * checked before the 2,000-byte limit, so a long text must not cost more than a scan).
 */
final class HttpUrl {
    /** The {@code format} parameter of an {@code invalid_format} violation of a URL field. */
    static final String FORMAT = "an absolute http or https URL (RFC 3986, ASCII only)";

    private HttpUrl() {}

    /** Whether {@code text} is an absolute {@code http} or {@code https} URI with a host (see above). */
    static boolean isValid(String text) {
        int authority = schemeEnd(text);
        if (authority < 0) {
            return false;
        }
        int path = indexOfAny(text, authority, "/?#");
        if (!isAuthority(text, authority, path)) {
            return false;
        }
        int query = indexOfAny(text, path, "?#");
        int fragment = indexOfAny(text, query, "#");
        // path-abempty: the authority ends at "/", so the path is empty or starts with "/".
        return allMatch(text, path, query, "/:@")
                && (query == fragment || allMatch(text, query + 1, fragment, "/?:@"))
                && (fragment == text.length() || allMatch(text, fragment + 1, text.length(), "/?:@"));
    }

    /** The index just after {@code http://} or {@code https://} (letter case ignored), or -1. */
    private static int schemeEnd(String text) {
        String http = "http";
        int i = 0;
        for (; i < http.length(); i++) {
            if (i >= text.length() || lowerAscii(text.charAt(i)) != http.charAt(i)) {
                return -1;
            }
        }
        if (i < text.length() && lowerAscii(text.charAt(i)) == 's') {
            i++;
        }
        return text.startsWith("://", i) ? i + 3 : -1;
    }

    /** §3.2: {@code [ userinfo "@" ] host [ ":" port ]} over {@code text[from, to)}. */
    private static boolean isAuthority(String text, int from, int to) {
        int at = text.lastIndexOf('@', to - 1);
        int hostStart = from;
        if (at >= from) {
            // "@" is in neither host nor port, so the last one ends the userinfo, which may not hold one.
            if (!allMatch(text, from, at, ":")) {
                return false;
            }
            hostStart = at + 1;
        }
        int hostEnd;
        if (hostStart < to && text.charAt(hostStart) == '[') {
            int close = text.indexOf(']', hostStart);
            if (close < 0 || close >= to || !isIpLiteral(text, hostStart + 1, close)) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            hostEnd = indexOfAny(text, hostStart, ":");
            hostEnd = Math.min(hostEnd, to);
            // RFC 9110 §4.2.1: an http(s) URI with an empty host is invalid.
            if (hostEnd == hostStart || !allMatch(text, hostStart, hostEnd, "")) {
                return false;
            }
        }
        if (hostEnd == to) {
            return true;
        }
        if (text.charAt(hostEnd) != ':') {
            return false;
        }
        for (int i = hostEnd + 1; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** §3.2.2: {@code IPv6address / IPvFuture}, the text between the brackets. */
    private static boolean isIpLiteral(String text, int from, int to) {
        if (from < to && lowerAscii(text.charAt(from)) == 'v') {
            int dot = text.indexOf('.', from);
            if (dot < 0 || dot >= to || dot == from + 1 || dot == to - 1) {
                return false;
            }
            for (int i = from + 1; i < dot; i++) {
                if (!isHexDigit(text.charAt(i))) {
                    return false;
                }
            }
            for (int i = dot + 1; i < to; i++) {
                char c = text.charAt(i);
                if (!isUnreserved(c) && !isSubDelim(c) && c != ':') {
                    return false;
                }
            }
            return true;
        }
        return isIpv6(text, from, to);
    }

    /**
     * §3.2.2 IPv6address. Its nine alternatives come to this: eight 16-bit pieces ({@code h16}, one
     * to four hex digits) separated by {@code :}, where the last two may be an IPv4address; or, with
     * one {@code ::} standing for at least one zero piece, at most seven pieces around it, and an
     * IPv4address only as the last piece after it.
     */
    private static boolean isIpv6(String text, int from, int to) {
        int gap = text.indexOf("::", from);
        if (gap >= 0 && gap + 1 < to) {
            if (text.indexOf("::", gap + 1) >= 0 && text.indexOf("::", gap + 1) + 1 < to) {
                return false;
            }
            int left = pieces(text, from, gap, false);
            int right = pieces(text, gap + 2, to, true);
            return left >= 0 && right >= 0 && left + right <= 7;
        }
        return pieces(text, from, to, true) == 8;
    }

    /**
     * The number of pieces of {@code h16 *( ":" h16 )} in {@code text[from, to)}, an IPv4address at the
     * end counting as two when {@code ipv4Last}; 0 for an empty range; -1 when it is no such list.
     */
    private static int pieces(String text, int from, int to, boolean ipv4Last) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int start = from;
        while (true) {
            int end = indexOfAny(text, start, ":");
            end = Math.min(end, to);
            if (end == to && ipv4Last && text.indexOf('.', start) >= 0 && text.indexOf('.', start) < to) {
                return isIpv4(text, start, to) ? count + 2 : -1;
            }
            int digits = end - start;
            if (digits < 1 || digits > 4) {
                return -1;
            }
            for (int i = start; i < end; i++) {
                if (!isHexDigit(text.charAt(i))) {
                    return -1;
                }
            }
            count++;
            if (end == to) {
                return count;
            }
            start = end + 1;
        }
    }

    /** §3.2.2 IPv4address: four dec-octets 0–255 without leading zeros, separated by dots. */
    private static boolean isIpv4(String text, int from, int to) {
        int octets = 0;
        int start = from;
        while (start <= to) {
            int end = text.indexOf('.', start);
            end = end < 0 || end > to ? to : end;
            int digits = end - start;
            if (digits < 1 || digits > 3 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
            int value = 0;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (!isDigit(c)) {
                    return false;
                }
                value = value * 10 + (c - '0');
            }
            if (value > 255) {
                return false;
            }
            octets++;
            start = end + 1;
        }
        return octets == 4;
    }

    /**
     * Whether every character of {@code text[from, to)} is unreserved, a sub-delim, one of
     * {@code extra} or part of a well-formed {@code %HH} (§2.1).
     */
    private static boolean allMatch(String text, int from, int to, String extra) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !isHexDigit(text.charAt(i + 1)) || !isHexDigit(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && !isSubDelim(c) && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The first index at or after {@code from} of one of {@code chars}, or the text's length. */
    private static int indexOfAny(String text, int from, String chars) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** §2.3: {@code ALPHA / DIGIT / "-" / "." / "_" / "~"}. */
    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c)
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** §2.2: {@code "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="}. */
    private static boolean isSubDelim(char c) {
        return "!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}

package io.casekit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HttpUrl} accepts what RFC 3986 allows in an absolute http(s) URI with a host, including what
 * {@link URI} refuses (issue 12), and nothing else; checked against examples and against a regular
 * expression transcribed from the ABNF of RFC 3986 Appendix A, written independently of the class.
 */
class HttpUrlTest {
    private static final String UNRESERVED = "A-Za-z0-9\\-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";
    private static final String PCT = "%[0-9A-Fa-f]{2}";
    private static final String PCHAR = "(?:[" + UNRESERVED + SUB_DELIMS + ":@]|" + PCT + ")";
    private static final String DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])";
    private static final String IPV4 = DEC_OCTET + "(?:\\." + DEC_OCTET + "){3}";
    private static final String H16 = "[0-9A-Fa-f]{1,4}";
    private static final String LS32 = "(?:" + H16 + ":" + H16 + "|" + IPV4 + ")";
    /** RFC 3986 §3.2.2, the nine alternatives as written there. */
    private static final String IPV6 = "(?:"
            + "(?:" + H16 + ":){6}" + LS32
            + "|::(?:" + H16 + ":){5}" + LS32
            + "|(?:" + H16 + ")?::(?:" + H16 + ":){4}" + LS32
            + "|(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3}" + LS32
            + "|(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2}" + LS32
            + "|(?:(?:" + H16 + ":){0,3}" + H16 + ")?::" + H16 + ":" + LS32
            + "|(?:(?:" + H16 + ":){0,4}" + H16 + ")?::" + LS32
            + "|(?:(?:" + H16 + ":){0,5}" + H16 + ")?::" + H16
            + "|(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)";
    private static final String IPV_FUTURE = "[vV][0-9A-Fa-f]+\\.[" + UNRESERVED + SUB_DELIMS + ":]+";
    private static final String REG_NAME = "(?:[" + UNRESERVED + SUB_DELIMS + "]|" + PCT + ")*";
    private static final String HOST = "(?:\\[(?:" + IPV6 + "|" + IPV_FUTURE + ")\\]|" + IPV4 + "|" + REG_NAME + ")";
    private static final String USERINFO = "(?:[" + UNRESERVED + SUB_DELIMS + ":]|" + PCT + ")*";
    private static final Pattern RFC_3986_HTTP_URL = Pattern.compile("[hH][tT][tT][pP][sS]?://"
            + "(?:" + USERINFO + "@)?(?<host>" + HOST + ")(?::[0-9]*)?"
            + "(?:/" + PCHAR + "*)*(?:\\?(?:" + PCHAR + "|[/?])*)?(?:#(?:" + PCHAR + "|[/?])*)?");

    /** The model: the grammar, and RFC 9110's non-empty host. */
    private static boolean model(String text) {
        var m = RFC_3986_HTTP_URL.matcher(text);
        return m.matches() && !m.group("host").isEmpty();
    }

    private static boolean jdkAccepts(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://my_host/", "http://a~b.example/", "http://%41.example/", "http://a!$&'()*+,;=b/",
            "https://under_score.example.com:8443/p?q#f", "http://-leading-hyphen-/",
            "http://%e4%bd%a0.example/"})
    void hosts_the_jdk_refuses_and_rfc_3986_allows_are_accepted(String url) {
        assertThat(jdkAccepts(url)).as("the JDK's URI refuses it").isFalse();
        assertThat(HttpUrl.isValid(url)).isTrue();
        assertThat(model(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "HTTP://EXAMPLE.COM", "hTtPs://example.com/", "https://example.com/a?b=c",
            "http://a", "http://1.2.3.4/", "http://256.1.1.1/", "http://1.2.3/", "http://a:/", "http://a:0",
            "http://a:65535/", "http://a:99999999999999999999/", "http://user@a/", "http://user:pass@a:80/",
            "http://%40:%3A@a/", "http://@a/", "http://:@a/", "http://a/b/c/../d;p=1/", "http://a//double//slashes",
            "http://a/:@!$&'()*+,;=-._~%20", "http://a?", "http://a#", "http://a?#", "http://a?/?:@", "http://a#/?:@",
            "http://xn--caf-dma.example/", "http://[::1]/", "http://[::]", "http://[::1]:8080/x", "http://[2001:db8::7]/",
            "http://[2001:DB8:0:0:8:800:200C:417A]/", "http://[FF01::101]/", "http://[::13.1.68.3]/",
            "http://[::FFFF:129.144.52.38]/", "http://[1:2:3:4:5:6:7:8]/", "http://[1:2:3:4:5:6:1.2.3.4]/",
            "http://[1::]/", "http://[1:2:3:4:5:6:7::]/", "http://[::2:3:4:5:6:7:8]/", "http://[v1.fe80::a+en1]/",
            "http://[V7.x]/", "http://a.example/%7Efoo"})
    void rfc_3986_http_urls_are_accepted(String url) {
        assertThat(HttpUrl.isValid(url)).isTrue();
        assertThat(model(url)).as("the model agrees").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http", "http:", "http:/x", "http:x", "http://", "http:///x", "http://:80/",
            "http://user@/", "http://?q", "http://#f", "ftp://example.com", "mailto:a@b.c", "//example.com",
            "/relative", "httpx://a", "https:/a", "http:\\\\a", "http://a b/", "http://a/b c", "http://a/%",
            "http://a/%4", "http://a/%zz", "http://%4g/", "http://a%/", "http://exa[mple/", "http://a]/",
            "http://[::1/", "http://[::1]x/", "http://[::1]:80x/", "http://a:8o/", "http://a:-1/", "http://[1.2.3.4]/",
            "http://[:::1]/", "http://[1::2::3]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[1:2:3:4:5:6:7]/",
            "http://[12345::]/", "http://[::1.2.3]/", "http://[::1.2.3.256]/", "http://[::01.2.3.4]/",
            "http://[1:2:3:4:5:6:7::1.2.3.4]/", "http://[1:2:3:4:5:6::1.2.3.4]/", "http://[::1.2.3.4:5]/",
            "http://[1.2.3.4::]/", "http://[:1]/", "http://[1:]/", "http://[fe80::1%25eth0]/", "http://[v.x]/",
            "http://[v1.]/", "http://[vg.x]/", "http://a@b@c/", "http://a/#f#g", "http://a/<b>", "http://a/\"q\"",
            "http://a/{x}", "http://a/?q=1&r[]=x", "http://a/b|c", "http://a/b^c", "http://a/`", "http://a/\\", "http://a\\b/",
            "http://例え.jp/", "https://example.com/café", "https://exämple.com/", "http://a/\u00A0",
            "httpſ://example.com", "HTTPſ://a", "http://a/\u0000", "http://a\t/", " http://a", "http://a "})
    void anything_else_is_refused(String url) {
        assertThat(HttpUrl.isValid(url)).isFalse();
        assertThat(model(url)).as("the model agrees").isFalse();
    }

    /** Texts built from the pieces of the grammar and from characters that break it. */
    @Provide
    Arbitrary<String> urlLike() {
        Arbitrary<String> scheme = Arbitraries.of("http://", "https://", "HTTP://", "http:/", "http:", "ftp://", "");
        Arbitrary<String> piece = Arbitraries.of("a", "Z", "0", "9", "-", ".", "_", "~", "!", "$", "&", "'", "(", ")",
                "*", "+", ",", ";", "=", ":", "@", "/", "?", "#", "[", "]", "%", "%41", "%e4", "%4", "%zz", " ", "\\",
                "\"", "<", "|", "é", "\u00A0", "::", "1", "255", "256", "ffff", "1.2.3.4", "[::1]", "[v1.x]",
                "[1:2:3:4:5:6:7:8]", "[::ffff:1.2.3.4]", "host", "user@", ":8080", "xn--");
        Arbitrary<String> rest = piece.list().ofMaxSize(14).map(list -> String.join("", list));
        return Combinators.combine(scheme, rest).as(String::concat);
    }

    @Property(tries = 20_000)
    void the_class_agrees_with_the_abnf_of_rfc_3986(@ForAll("urlLike") String text) {
        net.jqwik.api.statistics.Statistics.label("valid URL").collect(model(text));
        assertThat(HttpUrl.isValid(text)).as(text).isEqualTo(model(text));
    }

    /** IPv6 literals: eight groups, then shortened at a random run of groups, sometimes with IPv4 at the end. */
    @Provide
    Arbitrary<String> ipv6() {
        Arbitrary<String> group = Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(1).ofMaxLength(5);
        return Combinators.combine(group.list().ofMinSize(5).ofMaxSize(9), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9), Arbitraries.of("", "1.2.3.4", "255.255.255.255", "1.2.3.04"))
                .as((groups, from, length, ipv4) -> {
                    StringBuilder text = new StringBuilder();
                    int start = Math.min(from, groups.size());
                    int end = Math.min(groups.size(), start + length);
                    for (int i = 0; i < groups.size(); i++) {
                        if (i == start && end > start) {
                            text.append(i == 0 ? "::" : ":");
                        } else if (i < start || i >= end) {
                            text.append(groups.get(i)).append(i == groups.size() - 1 ? "" : ":");
                        }
                    }
                    return "http://[" + text + ipv4 + "]/";
                });
    }

    @Property(tries = 20_000)
    void ipv6_literals_agree_with_the_nine_alternatives(@ForAll("ipv6") String url) {
        net.jqwik.api.statistics.Statistics.label("valid IPv6").collect(model(url));
        assertThat(HttpUrl.isValid(url)).as(url).isEqualTo(model(url));
    }
}

package io.casekit.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * This module's pom has Boot's parent, not casekit's, so it keeps its own {@code revision}: it must
 * equal the root pom's, or the starter would not come from the same build (the reactor) but from a
 * repository, at another version or not at all.
 */
class SampleRevisionTest {
    private static final Pattern REVISION = Pattern.compile("<revision>([^<]+)</revision>");

    @Test
    void theRevisionIsTheRootPomsRevision() throws IOException {
        assertThat(revision(Path.of("pom.xml"))).isEqualTo(revision(Path.of("../pom.xml")));
    }

    private static String revision(Path pom) throws IOException {
        Matcher revision = REVISION.matcher(Files.readString(pom));
        assertThat(revision.find()).as("%s has a <revision>", pom.toAbsolutePath()).isTrue();
        return revision.group(1);
    }
}

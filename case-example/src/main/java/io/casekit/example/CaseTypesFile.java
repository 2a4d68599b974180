package io.casekit.example;

import io.casekit.core.CaseValidationException;
import io.casekit.core.Violation;
import io.casekit.core.template.CaseType;
import io.casekit.json.CaseJson;
import io.casekit.json.JsonLimits;
import io.casekit.json.UnreadableJsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** The {@code --types} file: a case type document (wire-format §4), read whole at start. */
final class CaseTypesFile {
    /** A types file is the operator's, not a client's: it may be larger than a request. */
    private static final CaseJson READER = CaseJson.create(JsonLimits.defaults().withMaxDocumentBytes(64 * 1024 * 1024));

    private CaseTypesFile() {}

    /**
     * @throws StartupException when the file can not be read or is not a valid case type document; the
     *                          message lists every problem, each with its place in the document and the
     *                          case type and field it concerns
     */
    static List<CaseType> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StartupException("The case types file " + file + " does not exist");
        } catch (IOException e) {
            throw new StartupException("The case types file " + file + " can not be read: " + e.getMessage(), e);
        }
        try {
            return READER.readCaseTypes(bytes);
        } catch (UnreadableJsonException e) {
            throw new StartupException("The case types file " + file + " is not a case type document: "
                    + e.getMessage());
        } catch (CaseValidationException e) {
            StringBuilder message = new StringBuilder("The case types file ").append(file).append(" has ")
                    .append(e.violations().size()).append(e.violations().size() == 1 ? " problem:" : " problems:");
            for (Violation v : e.violations()) {
                message.append(System.lineSeparator()).append("  ").append(v.path()).append(": ").append(v.message());
            }
            throw new StartupException(message.toString());
        }
    }
}

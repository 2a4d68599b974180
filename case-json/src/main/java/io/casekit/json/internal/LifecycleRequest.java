package io.casekit.json.internal;

import io.casekit.core.CaseId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.JsonPointers;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.validation.LifecycleValidator;
import io.casekit.core.validation.LifecycleValidator.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request of a lifecycle call ({@code status/update}, {@code close}, {@code case/cancel},
 * {@code case/transfer}, {@code case/resume}, {@code case/reopen}, {@code case/erase}): a flat JSON
 * object of strings, read and judged before the service is called, so that one answer lists every
 * fault. Each fault is a violation at its top-level key ({@code /id}, {@code /remark}): a key the call
 * does not take ({@code unknown_field}), a value that is not a JSON string, {@code null} included
 * ({@code invalid_type}, as in the list call), a required key that is missing ({@code required}), and
 * every text rule of {@link LifecycleValidator} (the rules the service applies, so its checks find
 * nothing more). Violations follow the request's key order; missing keys come last, in the call's
 * order. Stateless.
 */
public final class LifecycleRequest {
    /** One key a call takes, the rule its text is judged by, and whether it must be sent. */
    public record Key(String name, Rule rule, boolean required) {}

    private LifecycleRequest() {}

    /**
     * The texts of a valid request, by key, in the call's order; a key not sent is absent.
     *
     * @param members the request's top-level members, in the order sent
     * @param keys    the keys the call takes; the first names the case ({@link Rule#ID})
     * @throws CaseValidationException with every violation of the request
     */
    public static Map<String, String> read(Map<String, JsonTree> members, List<Key> keys) {
        Map<String, Key> byName = new LinkedHashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        List<Violation> violations = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonTree> member : members.entrySet()) {
            String name = member.getKey();
            String path = "/" + JsonPointers.escape(name);
            Key key = byName.get(name);
            if (key == null) {
                violations.add(new Violation(path, ViolationCode.UNKNOWN_FIELD, Map.of(),
                        Shown.quote(name) + " is not a key of this call; it takes " + String.join(", ", byName.keySet()) + "."));
                continue;
            }
            if (!(member.getValue() instanceof JsonTree.Str text)) {
                String actual = member.getValue().typeName();
                violations.add(new Violation(path, ViolationCode.INVALID_TYPE, Map.of("expected", "string", "actual", actual),
                        name + " must be a JSON string, not " + actual + "."));
                continue;
            }
            int before = violations.size();
            LifecycleValidator.check(name, key.rule(), text.value(), key.required(), violations);
            if (violations.size() == before && key.rule() == Rule.ID && !CaseId.isValid(text.value())) {
                // The id rule and CaseId agree; this keeps a case id the only thing that reaches the service.
                violations.add(new Violation(path, ViolationCode.INVALID_FORMAT, Map.of(),
                        name + " must be 1 to " + CaseId.MAX_LENGTH + " ASCII letters, digits, '-' or '_'."));
            }
            texts.put(name, text.value());
        }
        for (Key key : keys) {
            if (key.required() && !members.containsKey(key.name())) {
                LifecycleValidator.check(key.name(), key.rule(), null, true, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new CaseValidationException(violations);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Key key : keys) {
            Optional.ofNullable(texts.get(key.name())).ifPresent(v -> ordered.put(key.name(), v));
        }
        return ordered;
    }
}

package io.casekit.core.validation;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
import io.casekit.core.CaseValidationException;
import io.casekit.core.InputValue;
import io.casekit.core.Priority;
import io.casekit.core.StandardField;
import io.casekit.core.Value;
import io.casekit.core.ViolationCode;
import io.casekit.core.WireFormats;
import io.casekit.core.template.CaseType;
import io.casekit.core.template.FieldDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks create and modify requests against every rule of domain-rules §2–§5 and §8 and reports
 * the violations at once: the first {@link CaseValidationException#MAX_VIOLATIONS} in the order of
 * the request's keys, and how many there are in all. Thread-safe and cheap to share; the Hibernate
 * Validator it runs is casekit's own (no Jakarta EL needed, no {@code validation.xml} read, nothing of
 * the host's configuration touched or assumed).
 *
 * <p><b>Order.</b> Violations come by the position of their key in the request; keys the request
 * lacks (a missing mandatory field, a template field required at create) after all of them, in the
 * order {@code id}, {@code title}, {@code description}, {@code type}, {@code contactId},
 * {@code creatorId}, then the template's fields in template order; within a key the value itself
 * before its items (by index). The order is a property of the result, whatever check finds what when.
 *
 * <p><b>Judged on what it changes</b> (domain-rules §8, "evolving case types"; our decision). On
 * modify, given the stored case, a field sent with the value it holds (compared after converting the
 * input to the stored value's shape: a {@code dueDate} or DATE text parsed, a NUMBER exactly, scale
 * included, a MULTI_PICKLIST in order) is unchanged and is not judged against the case type as it is
 * now: a retired picklist option, a text over a lowered limit, a field the template no longer has
 * are all accepted back unchanged. When the current rules would refuse that value as a new one, it
 * is left out of the change altogether, so that a re-apply over a concurrent change never writes it.
 * A value that differs is judged by the type as it is now; {@code id} and {@code creatorId} are
 * always judged; a clear of a mandatory or required field is always {@code required}; a required
 * field that the type gained after the case was created is not asked for by a modify that does not
 * touch it.
 */
public final class RequestValidator {
    private static final List<String> ALWAYS_MANDATORY = List.of(StandardField.ID, StandardField.CREATOR_ID);
    private static final List<String> AICC_MANDATORY =
            List.of(StandardField.ID, "title", "description", StandardField.CREATOR_ID);
    private static final List<String> CREATE_MANDATORY =
            List.of("title", "description", StandardField.TYPE, "contactId", StandardField.CREATOR_ID);
    /** Where a violation of a key the request lacks goes: after the request's keys, in this order. */
    private static final List<String> ABSENT_ORDER = List.of(StandardField.ID, "title", "description",
            StandardField.TYPE, "contactId", StandardField.CREATOR_ID);
    /** Each violation code by the message template casekit's constraints report it with. */
    private static final Map<String, ViolationCode> CODES = codesByTemplate();

    private final Validator validator;

    /** A validator with casekit's own Hibernate Validator. */
    public RequestValidator() {
        this.validator = SharedValidator.INSTANCE;
    }

    /**
     * Validates a modification without the stored case: every value sent is judged, and the
     * {@code in_past} rule is not applied. As {@link #validate(CaseModification, Optional, Optional, Optional)}
     * with neither.
     */
    public ValidatedModification validate(CaseModification modification, Optional<CaseType> caseType) {
        return validate(modification, caseType, Optional.empty(), Optional.empty());
    }

    /**
     * Validates a modification. With {@code caseType} empty (the case could not be loaded), keys
     * that are not standard fields are not judged; with it, they are checked against its template
     * and any key it does not declare is {@code unknown_field}, unless the request sends back
     * unchanged a value {@code current} holds. With {@code current}, a value equal to the stored one
     * is not judged (see the class comment). Mandatory keys: {@code id} and {@code creatorId};
     * for an {@linkplain CaseModification#aiccRequest() AICC request} also {@code title} and
     * {@code description}.
     *
     * @param current          the case as stored, when it was found
     * @param dueDateNotBefore when present, a {@code dueDate} the request changes must not lie before
     *                         this local date-time ({@code in_past}, whose params name its zone)
     */
    public ValidatedModification validate(CaseModification modification, Optional<CaseType> caseType,
                                          Optional<Case> current, Optional<ZonedDateTime> dueDateNotBefore) {
        Map<String, InputValue> caseInfo = modification.caseInfo();
        Request request = new Request(caseInfo, new StandardFieldValues(), absentOrder(Optional.empty()));
        for (Map.Entry<String, InputValue> e : caseInfo.entrySet()) {
            String key = e.getKey();
            InputValue input = e.getValue();
            if (key.equals(StandardField.ID) || key.equals(StandardField.CREATOR_ID)) {
                request.mandatoryText(key, input);
            } else if (StandardField.READ_ONLY.contains(key)) {
                request.violations.add(key, ViolationCode.READ_ONLY, Map.of());
            } else {
                Optional<StandardField> standard = StandardField.byName(key);
                Optional<Value> stored = current.flatMap(c -> c.value(key));
                if (standard.isPresent()) {
                    if (stored.isPresent() && input instanceof InputValue.Text t && sameAsStored(input, stored.get())) {
                        request.unchangedStandard(key, t.value(), stored.get());
                    } else {
                        request.standardField(standard.get(), input);
                    }
                } else if (caseType.isPresent()) {
                    if (stored.isPresent() && sameAsStored(input, stored.get())) {
                        request.unchangedExtension(caseType.get(), key, input, stored.get());
                    } else {
                        request.extension(caseType.get(), key, input, false);
                    }
                }
            }
        }
        request.requireAll(modification.aiccRequest() ? AICC_MANDATORY : ALWAYS_MANDATORY);
        request.checkStandardFields(validator);
        request.checkNotInPast(dueDateNotBefore);
        Optional<CaseId> caseId = Optional.ofNullable(request.text(StandardField.ID)).map(CaseId::new);
        Optional<String> operator = Optional.ofNullable(request.text(StandardField.CREATOR_ID));
        return new ValidatedModification(caseId, operator, request.changes(), request.violations.violations(),
                request.violations.count(), modification.expectedVersion());
    }

    /**
     * Validates a create request without the {@code in_past} rule. As
     * {@link #validate(CaseDraft, Optional, Optional)} without it.
     */
    public ValidatedDraft validate(CaseDraft draft, Optional<CaseType> caseType) {
        return validate(draft, caseType, Optional.empty());
    }

    /**
     * Validates a create request. {@code caseType} is the type the request names, as the host's
     * catalog resolved it; when it is empty (or another type) the request's {@code type} is
     * {@code invalid_value} and the template's fields are not judged.
     *
     * @param dueDateNotBefore when present, a {@code dueDate} must not lie before this local date-time
     */
    public ValidatedDraft validate(CaseDraft draft, Optional<CaseType> caseType,
                                   Optional<ZonedDateTime> dueDateNotBefore) {
        Request request = new Request(draft.caseInfo(), new DraftFieldValues(), absentOrder(caseType));
        for (Map.Entry<String, InputValue> e : draft.caseInfo().entrySet()) {
            String key = e.getKey();
            InputValue input = e.getValue();
            if (key.equals(StandardField.ID)) {
                if (input instanceof InputValue.Text t) {
                    request.values.set(key, t.value());
                } else {
                    ExtensionRules.wrongType(key, "string", input, request.violations);
                }
            } else if (key.equals(StandardField.CREATOR_ID) || key.equals(StandardField.TYPE)) {
                request.mandatoryText(key, input);
            } else if (StandardField.READ_ONLY.contains(key)) {
                request.violations.add(key, ViolationCode.READ_ONLY, Map.of());
            } else if (StandardField.byName(key).isPresent()) {
                StandardField field = StandardField.byName(key).get();
                boolean empty = input == InputValue.Null.INSTANCE
                        || (input instanceof InputValue.Text t && t.value().isEmpty());
                if (key.equals("contactId") && empty) {
                    // Optional on modify, but required at create: "" can not stand for "none" here.
                    request.violations.add(key, ViolationCode.REQUIRED, Map.of());
                } else {
                    request.standardField(field, input);
                }
            } else if (caseType.isPresent()) {
                request.extension(caseType.get(), key, input, true);
            }
        }
        request.requireAll(CREATE_MANDATORY);
        request.checkStandardFields(validator);
        request.checkNotInPast(dueDateNotBefore);
        String typeText = request.text(StandardField.TYPE);
        Optional<CaseTypeId> type = Optional.empty();
        if (typeText != null) {
            if (caseType.isEmpty() || !caseType.get().id().value().equals(typeText)) {
                request.violations.add(StandardField.TYPE, ViolationCode.INVALID_VALUE,
                        Map.of("allowed", "a case type of this tenant"));
            } else {
                type = Optional.of(caseType.get().id());
                for (FieldDefinition field : caseType.get().fields()) {
                    if (field.required() && !draft.caseInfo().containsKey(field.name())) {
                        request.violations.add(field.name(), ViolationCode.REQUIRED, Map.of());
                    }
                }
            }
        }
        Map<String, Value> values = new LinkedHashMap<>();
        request.changes().forEach((key, value) -> value.ifPresent(v -> values.put(key, v)));
        return new ValidatedDraft(Optional.ofNullable(request.text(StandardField.ID)).map(CaseId::new), type,
                Optional.ofNullable(request.text(StandardField.CREATOR_ID)), values,
                request.violations.violations(), request.violations.count());
    }

    /**
     * Whether {@code input} is {@code stored} once converted to the stored value's shape: the same
     * text, the same decimal (scale included), a text that parses to the same date or date-time,
     * the same list of texts in the same order, the same boolean.
     */
    static boolean sameAsStored(InputValue input, Value stored) {
        if (stored instanceof Value.Text s) {
            return input instanceof InputValue.Text t && t.value().equals(s.value());
        } else if (stored instanceof Value.Decimal d) {
            return input instanceof InputValue.Number n && n.value().equals(d.value());
        } else if (stored instanceof Value.Date d) {
            return input instanceof InputValue.Text t && WireFormats.parseDate(t.value()).filter(d.value()::equals).isPresent();
        } else if (stored instanceof Value.DateTime d) {
            return input instanceof InputValue.Text t
                    && WireFormats.parseDateTime(t.value()).filter(d.value()::equals).isPresent();
        } else if (stored instanceof Value.TextList l) {
            if (!(input instanceof InputValue.Array a) || a.elements().size() != l.values().size()) {
                return false;
            }
            for (int i = 0; i < l.values().size(); i++) {
                if (!(a.elements().get(i) instanceof InputValue.Text t) || !t.value().equals(l.values().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return input instanceof InputValue.Bool b && b.value() == ((Value.Bool) stored).value();
    }

    private static List<String> absentOrder(Optional<CaseType> caseType) {
        if (caseType.isEmpty() || caseType.get().fields().isEmpty()) {
            return ABSENT_ORDER;
        }
        List<String> order = new ArrayList<>(ABSENT_ORDER);
        caseType.get().fields().forEach(f -> order.add(f.name()));
        return order;
    }

    /** The state of one request being validated. */
    private static final class Request {
        final ViolationCollector violations;
        final StandardFieldValues values;
        final Map<String, InputValue> caseInfo;
        /** Requested changes, before the static checks have been run on the standard ones. */
        final Map<String, Optional<Value>> changes = new LinkedHashMap<>();
        /** The keys sent with the value the case holds: in {@link #changes} at most as no-ops, never judged. */
        final Set<String> unchanged = new HashSet<>();

        Request(Map<String, InputValue> caseInfo, StandardFieldValues values, List<String> absentOrder) {
            this.caseInfo = caseInfo;
            this.values = values;
            this.violations = new ViolationCollector(caseInfo, absentOrder);
        }

        void mandatoryText(String key, InputValue input) {
            if (input == InputValue.Null.INSTANCE) {
                violations.add(key, ViolationCode.REQUIRED, Map.of());
            } else if (input instanceof InputValue.Text t) {
                values.set(key, t.value());
            } else {
                ExtensionRules.wrongType(key, "string", input, violations);
            }
        }

        void standardField(StandardField field, InputValue input) {
            String key = field.wireName();
            boolean emptyText = input instanceof InputValue.Text t && t.value().isEmpty();
            if (input == InputValue.Null.INSTANCE || (emptyText && !field.mandatory())) {
                if (field.mandatory()) {
                    violations.add(key, ViolationCode.REQUIRED, Map.of());
                } else {
                    changes.put(key, Optional.empty());
                }
            } else if (input instanceof InputValue.Text t) {
                values.set(key, t.value());
                changes.put(key, Optional.of(standardValue(field, t.value())));
            } else {
                ExtensionRules.wrongType(key, "string", input, violations);
            }
        }

        /**
         * A standard field sent with its stored value: not judged. It stays in the change (a no-op
         * here, written again on a re-apply) only when today's rules would accept it as a new value,
         * which {@link #checkStandardFields} decides in the same validation as the new values (each
         * key is one or the other), without reporting a violation for it.
         */
        void unchangedStandard(String key, String text, Value stored) {
            unchanged.add(key);
            values.set(key, text);
            changes.put(key, Optional.of(stored));
        }

        /** An extension field sent with its stored value: not judged, even when the template no longer has it. */
        void unchangedExtension(CaseType caseType, String key, InputValue input, Value stored) {
            Optional<FieldDefinition> definition = caseType.field(key);
            if (definition.isEmpty()) {
                return;
            }
            ViolationCollector scratch = new ViolationCollector(Map.of(), List.of(), 1);
            if (ExtensionRules.toValue(definition.get(), input, scratch).isPresent() && scratch.isEmpty()) {
                changes.put(key, Optional.of(stored));
            }
        }

        void extension(CaseType caseType, String key, InputValue input, boolean creating) {
            Optional<FieldDefinition> definition = caseType.field(key);
            if (definition.isEmpty()) {
                violations.add(key, ViolationCode.UNKNOWN_FIELD, Map.of());
                return;
            }
            FieldDefinition field = definition.get();
            if (ExtensionRules.clears(field, input)) {
                if (field.required()) {
                    violations.add(key, ViolationCode.REQUIRED, Map.of());
                } else if (!creating) {
                    changes.put(key, Optional.empty());
                }
                return;
            }
            ExtensionRules.toValue(field, input, violations).ifPresent(v -> changes.put(key, Optional.of(v)));
        }

        void requireAll(List<String> mandatory) {
            for (String key : mandatory) {
                if (!caseInfo.containsKey(key)) {
                    violations.add(key, ViolationCode.REQUIRED, Map.of());
                }
            }
        }

        /**
         * One validation of the standard fields' texts (Hibernate Validator costs per call, measured:
         * docs/benchmarks.md §2): a violation of a new value is reported; one of a value sent back
         * unchanged only takes that no-op out of the change.
         */
        void checkStandardFields(Validator validator) {
            Set<ConstraintViolation<StandardFieldValues>> found = validator.validate(values);
            for (ConstraintViolation<StandardFieldValues> v : found) {
                String key = v.getPropertyPath().iterator().next().getName();
                if (unchanged.contains(key)) {
                    changes.remove(key);
                    continue;
                }
                ViolationCode code = CODES.get(v.getMessageTemplate());
                @SuppressWarnings("unchecked")
                HibernateConstraintViolation<StandardFieldValues> hibernate = v.unwrap(HibernateConstraintViolation.class);
                @SuppressWarnings("unchecked")
                Map<ViolationCode, Map<String, Object>> byCode = hibernate.getDynamicPayload(Map.class);
                Map<String, Object> params = byCode == null ? null : byCode.get(code);
                violations.add(key, code, params == null ? Map.of() : params);
            }
        }

        /** {@code in_past}: a due date the request sets (and, on modify, changes) before {@code notBefore}. */
        void checkNotInPast(Optional<ZonedDateTime> notBefore) {
            String key = StandardField.DUE_DATE.wireName();
            Optional<Value> dueDate = changes.getOrDefault(key, Optional.empty());
            if (notBefore.isEmpty() || violations.hasErrors(key) || unchanged.contains(key)
                    || !(dueDate.orElse(null) instanceof Value.DateTime dateTime)) {
                return;
            }
            LocalDateTime now = notBefore.get().toLocalDateTime();
            if (dateTime.value().isBefore(now)) {
                violations.add(key, ViolationCode.IN_PAST, inPastParams(dateTime.value(), notBefore.get()));
            }
        }

        String text(String key) {
            if (violations.hasErrors(key)) {
                return null;
            }
            return switch (key) {
                case StandardField.ID -> values.id;
                case StandardField.CREATOR_ID -> values.creatorId;
                case StandardField.TYPE -> values instanceof DraftFieldValues draft ? draft.type : null;
                default -> throw new IllegalArgumentException(key);
            };
        }

        Map<String, Optional<Value>> changes() {
            if (violations.isEmpty()) {
                return changes;
            }
            Map<String, Optional<Value>> valid = new LinkedHashMap<>();
            changes.forEach((key, value) -> {
                if (!violations.hasErrors(key)) {
                    valid.put(key, value);
                }
            });
            return valid;
        }

        /** The typed value of a standard field's text; an unparseable one is caught by the constraints. */
        private static Value standardValue(StandardField field, String text) {
            return switch (field) {
                case PRIORITY -> Value.text(Priority.fromWireName(text).map(Priority::wireName).orElse(text));
                case DUE_DATE -> WireFormats.parseDateTime(text).map(Value::dateTime).orElse(Value.text(text));
                default -> Value.text(text);
            };
        }
    }

    /**
     * The params of an {@code in_past} violation: the value, now (to the second) and the zone, all
     * as texts. Public so that a later check (a re-apply on a newer version) reports the same shape.
     */
    public static Map<String, Object> inPastParams(LocalDateTime value, ZonedDateTime now) {
        return Map.of("value", WireFormats.format(value),
                "now", WireFormats.format(now.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)),
                "zone", now.getZone().getId());
    }

    /** The validator every casekit check shares. */
    static jakarta.validation.Validator sharedValidator() {
        return SharedValidator.INSTANCE;
    }

    /** The violation code a casekit constraint reports with this message template. */
    static ViolationCode codeOf(String messageTemplate) {
        ViolationCode code = CODES.get(messageTemplate);
        if (code == null) {
            throw new IllegalStateException("no violation code for the constraint message " + messageTemplate);
        }
        return code;
    }

    private static Map<String, ViolationCode> codesByTemplate() {
        Map<String, ViolationCode> codes = new java.util.HashMap<>();
        for (ViolationCode code : ViolationCode.values()) {
            codes.put(ConstraintParams.TEMPLATE_PREFIX + code.code() + "}", code);
        }
        return Map.copyOf(codes);
    }

    /**
     * Bootstrapped once: building a validator factory is expensive, using one is not.
     *
     * <p>Hibernate Validator announces itself once per JVM ("HV000001: Hibernate Validator
     * &lt;version&gt;", INFO) from the static initialiser of its internal {@code Version} class, which
     * every bootstrap path runs; it logs through jboss-logging, under the category
     * {@value #VERSION_CATEGORY}. A library should not print into the host's log on its own start,
     * so while casekit bootstraps, that one category of {@code java.util.logging} (the backend
     * jboss-logging chooses when the host has no JBoss LogManager, Log4j 2 or Logback) is set to
     * {@code WARNING}, then given back the level it had. Nothing else is touched: no global level,
     * no handler, no other logger, and a level the host gave that category itself is kept. Hosts on
     * Log4j 2, Logback or the JBoss LogManager switch the category off in their own configuration.
     */
    private static final class SharedValidator {
        static final String VERSION_CATEGORY = "org.hibernate.validator.internal.util.Version";
        static final Validator INSTANCE = bootstrap();

        private static Validator bootstrap() {
            // Held in a local until restored: java.util.logging keeps loggers only weakly.
            java.util.logging.Logger versionLogger = java.util.logging.Logger.getLogger(VERSION_CATEGORY);
            java.util.logging.Level hostLevel = versionLogger.getLevel();
            if (hostLevel == null) {
                versionLogger.setLevel(java.util.logging.Level.WARNING);
            }
            try {
                return Validation.byProvider(HibernateValidator.class)
                        .configure()
                        .ignoreXmlConfiguration()
                        .messageInterpolator(new ParameterMessageInterpolator())
                        .buildValidatorFactory()
                        .getValidator();
            } finally {
                if (hostLevel == null) {
                    versionLogger.setLevel(null);
                }
            }
        }
    }
}

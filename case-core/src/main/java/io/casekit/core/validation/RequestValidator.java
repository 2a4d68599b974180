package io.casekit.core.validation;

import io.casekit.core.CaseDraft;
import io.casekit.core.CaseId;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseTypeId;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks create and modify requests against every rule of domain-rules §2–§5 and reports all
 * violations at once. Thread-safe and cheap to share; the Hibernate Validator it runs is casekit's
 * own (no Jakarta EL needed, no {@code validation.xml} read, nothing of the host's configuration
 * touched or assumed).
 */
public final class RequestValidator {
    private static final List<String> MODIFY_MANDATORY =
            List.of(StandardField.ID, "title", "description", StandardField.CREATOR_ID);
    private static final List<String> CREATE_MANDATORY =
            List.of("title", "description", StandardField.TYPE, "contactId", StandardField.CREATOR_ID);
    /** Each violation code by the message template casekit's constraints report it with. */
    private static final Map<String, ViolationCode> CODES = codesByTemplate();

    private final Validator validator;

    /** A validator with casekit's own Hibernate Validator. */
    public RequestValidator() {
        this.validator = SharedValidator.INSTANCE;
    }

    /**
     * Validates a modification. With {@code caseType} empty (the case could not be loaded), keys
     * that are not standard fields are not judged; with it, they are checked against its template
     * and any key it does not declare is {@code unknown_field}.
     */
    public ValidatedModification validate(CaseModification modification, Optional<CaseType> caseType) {
        Request request = new Request(modification.caseInfo(), new StandardFieldValues());
        for (Map.Entry<String, InputValue> e : modification.caseInfo().entrySet()) {
            String key = e.getKey();
            InputValue input = e.getValue();
            if (key.equals(StandardField.ID) || key.equals(StandardField.CREATOR_ID)) {
                request.mandatoryText(key, input);
            } else if (StandardField.READ_ONLY.contains(key)) {
                request.violations.add(key, ViolationCode.READ_ONLY, Map.of());
            } else {
                Optional<StandardField> standard = StandardField.byName(key);
                if (standard.isPresent()) {
                    request.standardField(standard.get(), input);
                } else if (caseType.isPresent()) {
                    request.extension(caseType.get(), key, input, false);
                }
            }
        }
        request.requireAll(MODIFY_MANDATORY);
        request.checkStandardFields(validator);
        Optional<CaseId> caseId = Optional.ofNullable(request.text(StandardField.ID)).map(CaseId::new);
        Optional<String> operator = Optional.ofNullable(request.text(StandardField.CREATOR_ID));
        return new ValidatedModification(caseId, operator, request.changes(), request.violations.violations(),
                modification.expectedVersion().isPresent() ? modification.expectedVersion() : OptionalLong.empty());
    }

    /**
     * Validates a create request. {@code caseType} is the type the request names, as the host's
     * catalog resolved it; when it is empty (or another type) the request's {@code type} is
     * {@code invalid_value} and the template's fields are not judged.
     */
    public ValidatedDraft validate(CaseDraft draft, Optional<CaseType> caseType) {
        Request request = new Request(draft.caseInfo(), new DraftFieldValues());
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
                request.violations.violations());
    }

    /** The state of one request being validated. */
    private static final class Request {
        final ViolationCollector violations;
        final StandardFieldValues values;
        final Map<String, InputValue> caseInfo;
        /** Requested changes, before the static checks have been run on the standard ones. */
        final Map<String, Optional<Value>> changes = new LinkedHashMap<>();

        Request(Map<String, InputValue> caseInfo, StandardFieldValues values) {
            this.caseInfo = caseInfo;
            this.values = values;
            this.violations = new ViolationCollector(caseInfo);
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

        void checkStandardFields(Validator validator) {
            Set<ConstraintViolation<StandardFieldValues>> found = validator.validate(values);
            for (ConstraintViolation<StandardFieldValues> v : found) {
                String key = v.getPropertyPath().iterator().next().getName();
                ViolationCode code = CODES.get(v.getMessageTemplate());
                @SuppressWarnings("unchecked")
                HibernateConstraintViolation<StandardFieldValues> hibernate = v.unwrap(HibernateConstraintViolation.class);
                @SuppressWarnings("unchecked")
                Map<ViolationCode, Map<String, Object>> byCode = hibernate.getDynamicPayload(Map.class);
                Map<String, Object> params = byCode == null ? null : byCode.get(code);
                violations.add(key, code, params == null ? Map.of() : params);
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

package io.casekit.json;

import io.casekit.core.Case;
import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.FieldChange;
import io.casekit.core.HistoryEntry;
import io.casekit.core.InputValue;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.CaseType;
import io.casekit.json.internal.CaseTypeDocument;
import io.casekit.json.internal.JsonTree;
import io.casekit.json.internal.RequestDocument;
import io.casekit.json.internal.WireWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.core.util.VersionUtil;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleSerializers;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * casekit's types in a host's own Jackson mapper, written exactly as casekit's endpoints write them
 * (wire-format §2–§4). Register it explicitly; it changes nothing global:
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new CasekitModule()).build();
 * }</pre>
 *
 * <ul>
 *   <li>Written: {@link Case} (the case object of a read response), {@link HistoryEntry},
 *       {@link FieldChange}, {@link Violation} (an entry of {@code errors}) and {@link CaseType} (a
 *       case type definition).</li>
 *   <li>Read: {@link CaseModification} and {@link CaseDraft} from a request document
 *       {@code {"caseInfo":{…}}} (every value exactly as sent, numbers as exact decimals; no expected
 *       version; a modification under the AICC rule, {@link CaseModification#ofAiccRequest}), {@link CaseType} from a definition, and {@link Violation} (integral parameters come
 *       back as {@code Long}, others as {@code BigDecimal}, {@code String} or a list of strings).
 *       {@link Case} and {@link HistoryEntry} are not read: their documents do not carry the tenant,
 *       and an extension value's type depends on the case type's template.</li>
 * </ul>
 *
 * <p>A problem in a document read through the module is reported as Jackson reports any input
 * mismatch, with casekit's message. The limits are the host mapper's; {@link CaseJson#mapperBuilder()}
 * builds a mapper with casekit's. Thread-safe and stateless.
 */
public final class CasekitModule extends JacksonModule {
    /** The module's name, as Jackson registers it. */
    public static final String NAME = "casekit";
    private static final Version VERSION = readVersion();

    @Override
    public String getModuleName() {
        return NAME;
    }

    /** The version of casekit's JSON module, e.g. {@code 0.1.0-SNAPSHOT}. */
    @Override
    public Version version() {
        return VERSION;
    }

    @Override
    public void setupModule(SetupContext context) {
        List<ValueSerializer<?>> serializers = List.of(
                writer(Case.class, WireWriter::writeCase),
                writer(HistoryEntry.class, WireWriter::writeHistoryEntry),
                writer(FieldChange.class, WireWriter::writeFieldChange),
                writer(Violation.class, WireWriter::writeViolation),
                writer(CaseType.class, WireWriter::writeCaseType));
        context.addSerializers(new SimpleSerializers(serializers));
        Map<Class<?>, ValueDeserializer<?>> deserializers = new LinkedHashMap<>();
        deserializers.put(CaseModification.class, new RequestReader<>(CaseModification.class, CaseModification::ofAiccRequest));
        deserializers.put(CaseDraft.class, new RequestReader<>(CaseDraft.class, CaseDraft::new));
        deserializers.put(CaseType.class, new CaseTypeReader());
        deserializers.put(Violation.class, new ViolationReader());
        context.addDeserializers(new SimpleDeserializers(deserializers));
    }

    private static <T> ValueSerializer<T> writer(Class<T> type, BiConsumer<JsonGenerator, T> write) {
        return new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator g, SerializationContext context) {
                write.accept(g, value);
            }
        };
    }

    private static JsonToken startOfObject(JsonParser p, DeserializationContext context, Class<?> type) {
        JsonToken token = p.currentToken();
        if (token != JsonToken.START_OBJECT) {
            context.reportInputMismatch(type, "%s", "a " + type.getSimpleName() + " is a JSON object");
        }
        return token;
    }

    /** Reads {@code {"caseInfo":{…}}}. */
    private static final class RequestReader<T> extends StdDeserializer<T> {
        private final Function<Map<String, InputValue>, T> create;

        RequestReader(Class<T> type, Function<Map<String, InputValue>, T> create) {
            super(type);
            this.create = create;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext context) {
            startOfObject(p, context, handledType());
            try {
                return create.apply(RequestDocument.readBody(p));
            } catch (UnreadableJsonException e) {
                return context.reportInputMismatch(handledType(), "%s", e.getMessage());
            }
        }
    }

    private static final class CaseTypeReader extends StdDeserializer<CaseType> {
        CaseTypeReader() {
            super(CaseType.class);
        }

        @Override
        public CaseType deserialize(JsonParser p, DeserializationContext context) {
            JsonToken token = startOfObject(p, context, CaseType.class);
            try {
                return CaseTypeDocument.readType(JsonTree.read(p, token));
            } catch (CaseValidationException e) {
                String problems = e.violations().stream().map(Violation::message).collect(Collectors.joining("; "));
                return context.reportInputMismatch(CaseType.class, "%s", "Invalid case type: " + problems);
            } catch (UnreadableJsonException e) {
                return context.reportInputMismatch(CaseType.class, "%s", e.getMessage());
            }
        }
    }

    private static final class ViolationReader extends StdDeserializer<Violation> {
        ViolationReader() {
            super(Violation.class);
        }

        @Override
        public Violation deserialize(JsonParser p, DeserializationContext context) {
            JsonToken token = startOfObject(p, context, Violation.class);
            try {
                if (!(JsonTree.read(p, token) instanceof JsonTree.Obj obj)
                        || !(obj.members().get("path") instanceof JsonTree.Str path)
                        || !(obj.members().get("code") instanceof JsonTree.Str code)
                        || !(obj.members().get("message") instanceof JsonTree.Str message)) {
                    return context.reportInputMismatch(Violation.class, "%s",
                            "a violation has the strings path, code and message");
                }
                ViolationCode violationCode = null;
                for (ViolationCode c : ViolationCode.values()) {
                    if (c.code().equals(code.value())) {
                        violationCode = c;
                    }
                }
                if (violationCode == null) {
                    return context.reportInputMismatch(Violation.class, "%s", "unknown violation code");
                }
                Map<String, Object> params = new LinkedHashMap<>();
                if (obj.members().get("params") instanceof JsonTree.Obj given) {
                    given.members().forEach((name, value) -> {
                        if (value != JsonTree.Null.INSTANCE) {
                            params.put(name, param(value));
                        }
                    });
                }
                return new Violation(path.value(), violationCode, params, message.value());
            } catch (UnreadableJsonException e) {
                return context.reportInputMismatch(Violation.class, "%s", e.getMessage());
            }
        }

        private static Object param(JsonTree value) {
            if (value instanceof JsonTree.Num n) {
                BigDecimal d = n.value();
                if (d.scale() == 0 && d.unscaledValue().bitLength() < 64) {
                    return d.longValueExact();
                }
                return d;
            } else if (value instanceof JsonTree.Str s) {
                return s.value();
            } else if (value instanceof JsonTree.Arr a) {
                List<Object> items = new ArrayList<>();
                a.elements().forEach(e -> items.add(param(e)));
                return List.copyOf(items);
            } else if (value instanceof JsonTree.Bool b) {
                return b.value();
            }
            return value.typeName();
        }
    }

    private static Version readVersion() {
        try (InputStream in = CasekitModule.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return Version.unknownVersion();
            }
            Properties p = new Properties();
            p.load(in);
            return VersionUtil.parseVersion(p.getProperty("version"), p.getProperty("groupId"),
                    p.getProperty("artifactId"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

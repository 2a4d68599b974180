package io.casekit.core.service;

import static io.casekit.core.Fixtures.SEED_CASE;
import static io.casekit.core.Fixtures.SEED_CONTACT;
import static io.casekit.core.Fixtures.SEED_OPERATOR;
import static io.casekit.core.Fixtures.TENANT;
import static io.casekit.core.Fixtures.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.casekit.core.CaseDraft;
import io.casekit.core.CaseModification;
import io.casekit.core.CaseValidationException;
import io.casekit.core.Fixtures;
import io.casekit.core.InputValue;
import io.casekit.core.MapCaseStore;
import io.casekit.core.Violation;
import io.casekit.core.ViolationCode;
import io.casekit.core.template.FieldDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Violations come in the order of the request's keys (domain-rules §3), whichever stage of the
 * checks finds them: the static constraints, the template rules, "not in the past" (a service
 * option), a template field required at create. Checked against a model of the order: the key's
 * position in the request, keys the request lacks after all of them (id, title, description, type,
 * contactId, creatorId, then the template's fields), the value before its items, items by index.
 */
class ViolationOrderPropertiesTest {
    private static final List<String> ABSENT_ORDER =
            List.of("id", "title", "description", "type", "contactId", "creatorId");

    /** One key a random request may carry: a valid input, and invalid ones with the codes they get. */
    private record Candidate(String key, InputValue valid, List<InputValue> invalid) {}

    private static final List<Candidate> FIELDS = List.of(
            new Candidate("title", text("t"), List.of(text("x".repeat(200)), text(" "))),
            new Candidate("description", text("d"), List.of(InputValue.number(BigDecimal.TEN))),
            new Candidate("ownerId", text("o1"), List.of(text("bad id!"))),
            new Candidate("priority", text("High"), List.of(text("urgent"))),
            // The clock is 2026-11-27T10:00Z and "not in the past" is on: the second is in_past.
            new Candidate("dueDate", text("2030-01-01 00:00:00"), List.of(text("2023-02-29 00:00:00"),
                    text("2020-01-01 00:00:00"))),
            new Candidate("contactPhone", text("123"), List.of(text("abc"))),
            new Candidate("AICC__notes__CST", text("n"), List.of(text("n".repeat(300)))),
            new Candidate("AICC__tags__CST", InputValue.array(List.of(text("vip"))),
                    List.of(InputValue.array(List.of(text("vip"), text("vip"), text("nope"), text("vip"))))),
            new Candidate("AICC__refund__CST", InputValue.number(BigDecimal.ONE), List.of(text("12"))),
            new Candidate("AICC__callback__CST", InputValue.bool(true), List.of(text("true"))),
            new Candidate("AICC__nope__CST", null, List.of(text("x"))),
            new Candidate("version", null, List.of(InputValue.number(BigDecimal.ONE))));

    @Property(tries = 300)
    void modify_violations_come_in_the_order_of_the_request_keys(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, InputValue> request = new LinkedHashMap<>();
        Set<String> bad = new LinkedHashSet<>();
        List<Candidate> chosen = pick(random, FIELDS);
        chosen.add(new Candidate("id", text(SEED_CASE), List.of()));
        chosen.add(new Candidate("creatorId", text(SEED_OPERATOR), List.of(InputValue.nullValue())));
        chosen.add(new Candidate("AICC__severity__CST", text("S2"), List.of(InputValue.nullValue())));
        Collections.shuffle(chosen, random);
        for (Candidate c : chosen) {
            if (c.key().equals("creatorId") && random.nextInt(4) == 0) {
                bad.add("creatorId");
                continue;
            }
            put(random, c, request, bad);
        }
        CaseService service = service();
        List<Violation> found = violations(() -> service.modify(TENANT, CaseModification.of(request)));

        assertInRequestOrder(found, request, List.of());
        assertThat(keysOf(found)).isEqualTo(bad);
        Statistics.label("violations").collect(found.size() >= 3 ? "3 or more violations" : found.size() + " violations");
        Statistics.label("in_past").collect(found.stream().anyMatch(v -> v.code() == ViolationCode.IN_PAST) ? "in_past" : "no in_past");
    }

    @Property(tries = 300)
    void create_violations_come_in_the_order_of_the_request_keys(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, InputValue> request = new LinkedHashMap<>();
        Set<String> bad = new LinkedHashSet<>();
        List<Candidate> chosen = pick(random, FIELDS);
        chosen.removeIf(c -> c.key().equals("title") || c.key().equals("description"));
        for (String mandatory : List.of("title", "description", "contactId", "creatorId")) {
            chosen.add(new Candidate(mandatory, text(mandatory.equals("contactId") ? SEED_CONTACT : "v1"), List.of()));
        }
        chosen.add(new Candidate("type", text(TYPE.value()), List.of()));
        chosen.add(new Candidate("AICC__severity__CST", text("S2"), List.of(text("S7"))));
        Collections.shuffle(chosen, random);
        for (Candidate c : chosen) {
            boolean mandatory = ABSENT_ORDER.contains(c.key()) || c.key().equals("AICC__severity__CST");
            if (mandatory && !c.key().equals("type") && random.nextInt(4) == 0) {
                // Left out: required, after the keys the request holds.
                bad.add(c.key());
                continue;
            }
            put(random, c, request, bad);
        }
        CaseService service = service();
        List<Violation> found = violations(() -> service.create(TENANT, CaseDraft.of(request)));

        List<String> template = Fixtures.complaint(TENANT).fields().stream().map(FieldDefinition::name).toList();
        assertInRequestOrder(found, request, template);
        assertThat(keysOf(found)).isEqualTo(bad);
        Statistics.collect(found.stream().anyMatch(v -> v.path().equals("/caseInfo/AICC__severity__CST")
                && v.code() == ViolationCode.REQUIRED) ? "template-required" : "no template-required");
    }

    /** The model: each violation's key ranked by the request, absent keys after it, the value before its items. */
    private static void assertInRequestOrder(List<Violation> found, Map<String, InputValue> request,
                                             List<String> templateOrder) {
        List<String> keys = new ArrayList<>(request.keySet());
        List<String> absent = new ArrayList<>(ABSENT_ORDER);
        absent.addAll(templateOrder);
        long previous = Long.MIN_VALUE;
        for (Violation v : found) {
            String rest = v.path().substring("/caseInfo/".length());
            int slash = rest.indexOf('/');
            String key = slash < 0 ? rest : rest.substring(0, slash);
            int item = slash < 0 ? -1 : Integer.parseInt(rest.substring(slash + 1));
            int rank = keys.indexOf(key);
            if (rank < 0) {
                assertThat(absent).as("a key the request lacks: %s", key).contains(key);
                rank = keys.size() + absent.indexOf(key);
            }
            long place = rank * 1_000_000L + item + 1;
            assertThat(place).as("%s after the violations before it, in %s", v.path(), found).isGreaterThanOrEqualTo(previous);
            previous = place;
        }
    }

    private static List<Candidate> pick(Random random, List<Candidate> all) {
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : all) {
            if (random.nextBoolean()) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private static void put(Random random, Candidate c, Map<String, InputValue> request, Set<String> bad) {
        if (c.valid() == null || (!c.invalid().isEmpty() && random.nextInt(3) > 0)) {
            request.put(c.key(), c.invalid().get(random.nextInt(c.invalid().size())));
            bad.add(c.key());
        } else {
            request.put(c.key(), c.valid());
        }
    }

    private static Set<String> keysOf(List<Violation> found) {
        Set<String> keys = new java.util.HashSet<>();
        for (Violation v : found) {
            String rest = v.path().substring("/caseInfo/".length());
            keys.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        return keys;
    }

    private static List<Violation> violations(Runnable call) {
        try {
            call.run();
        } catch (CaseValidationException e) {
            return e.violations();
        }
        return List.of();
    }

    private static CaseService service() {
        MapCaseStore store = new MapCaseStore();
        Fixtures.service(store).create(TENANT, Fixtures.seedDraft().build());
        return CaseService.builder(store, store).clock(Fixtures.CLOCK)
                .options(CaseServiceOptions.defaults().withDueDateNotInPast(true)).build();
    }

    private static InputValue text(String s) {
        return InputValue.text(s);
    }
}

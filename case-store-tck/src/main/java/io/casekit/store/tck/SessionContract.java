package io.casekit.store.tck;

import static io.casekit.store.tck.Fixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.Case;
import io.casekit.core.CaseConflictException;
import io.casekit.core.CaseId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link io.casekit.core.spi.CaseStore#inSession}: the work runs once, its result and its failures
 * come back unchanged, and every call inside keeps its own promises, as outside. And
 * {@link io.casekit.core.spi.CaseStore#afterCommit}: outside any host transaction (the kit runs none),
 * what was written is committed, so the action runs once, at once, and the service's listener hears
 * of every stored change exactly once.
 */
abstract class SessionContract extends ContractSection {

    @Test
    @DisplayName("a session runs its work once and returns its result")
    void workRunsOnceAndItsResultIsReturned() {
        AtomicInteger runs = new AtomicInteger();

        String result = store().inSession(() -> {
            runs.incrementAndGet();
            return "the work's result";
        });

        assertThat(result).isEqualTo("the work's result");
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("inside a session a read sees the writes before it and a stale update is still a conflict")
    void callsInsideKeepTheirPromises() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));

        Case v3 = store().inSession(() -> {
            assertThat(store().find(TENANT, v1.id())).contains(v1);
            Case v2 = Cases.retitle(v1, "Second").applyTo(store());
            assertThat(store().find(TENANT, v1.id())).contains(v2);
            assertThatThrownBy(() -> Cases.retitle(v1, "Computed from version 1").applyTo(store()))
                    .isInstanceOf(CaseConflictException.class);
            return Cases.retitle(v2, "Third").applyTo(store());
        });

        assertThat(store().find(TENANT, v1.id())).contains(v3);
        assertThat(store().history(TENANT, v1.id())).hasSize(3);
    }

    @Test
    @DisplayName("a failure of the work comes back unchanged, and what was written before it stays written")
    void failurePassesThroughAndWritesStay() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
        RuntimeException failure = new IllegalStateException("the work failed after its update");
        AtomicReference<Case> v2 = new AtomicReference<>();

        assertThatThrownBy(() -> store().inSession(() -> {
            v2.set(Cases.retitle(v1, "Second").applyTo(store()));
            throw failure;
        })).isSameAs(failure);

        assertThat(store().find(TENANT, v1.id())).contains(v2.get());
        assertThat(store().history(TENANT, v1.id())).hasSize(2);
    }

    @Test
    @DisplayName("a session inside a session simply runs")
    void sessionsNest() {
        Case v1 = Cases.insert(store(), Cases.minimal(TENANT, "case-1"));

        Case found = store().inSession(() -> store().inSession(() -> store().find(TENANT, v1.id()).orElseThrow()));

        assertThat(found).isEqualTo(v1);
        assertThat(store().inSession(() -> store().find(TENANT, CaseId.of("absent")))).isEmpty();
    }

    @Test
    @DisplayName("outside a host transaction an after-commit action runs once, at once, also inside a session")
    void afterCommitRunsAtOnceOutsideATransaction() {
        AtomicInteger runs = new AtomicInteger();

        store().afterCommit(runs::incrementAndGet);
        assertThat(runs).hasValue(1);

        store().inSession(() -> {
            Cases.insert(store(), Cases.minimal(TENANT, "case-1"));
            store().afterCommit(runs::incrementAndGet);
            assertThat(runs).as("after a write inside a session").hasValue(2);
            return null;
        });
        assertThat(runs).hasValue(2);
    }
}

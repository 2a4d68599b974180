package io.casekit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casekit.core.validation.Utf8MaxBytes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The core validates without a Jakarta EL implementation, and its constraints work in a host's own
 * validator as well.
 */
class NoExpressionLanguageTest {
    @Test
    void no_expression_language_is_on_the_class_path_and_validation_still_runs() {
        assertThatThrownBy(() -> Class.forName("jakarta.el.ExpressionFactory"))
                .isInstanceOf(ClassNotFoundException.class);
        MapCaseStore store = new MapCaseStore();
        var service = Fixtures.service(store);
        assertThatThrownBy(() -> service.create(Fixtures.TENANT, Fixtures.seedDraft().title("x".repeat(129)).build()))
                .isInstanceOf(CaseValidationException.class)
                .hasMessageContaining("title is 129 bytes, at most 128 allowed");
    }

    static final class HostBean {
        @Utf8MaxBytes(3)
        final String name;

        HostBean(String name) {
            this.name = name;
        }
    }

    @Test
    void a_host_can_use_the_constraints_in_its_own_validator() {
        Validator hostValidator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        Set<ConstraintViolation<HostBean>> violations = hostValidator.validate(new HostBean("中中"));
        assertThat(violations).hasSize(1);
        assertThat(violations.iterator().next().getMessage()).contains("is 6 bytes, at most 3 allowed");
        assertThat(hostValidator.validate(new HostBean("中"))).isEmpty();
    }
}

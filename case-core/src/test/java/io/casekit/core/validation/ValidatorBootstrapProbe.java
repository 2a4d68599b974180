package io.casekit.core.validation;

import jakarta.validation.Validation;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Run in a JVM of its own by {@link ValidatorBootstrapLogTest}: Hibernate Validator's start-up line
 * is logged once per JVM, from a static initialiser, so only a fresh JVM shows what a bootstrap prints.
 * With JDK logging's default configuration, INFO and above go to standard error.
 */
final class ValidatorBootstrapProbe {
    private ValidatorBootstrapProbe() {}

    public static void main(String[] args) {
        if (args[0].equals("casekit")) {
            new RequestValidator();
        } else {
            // A host's own bootstrap, as any application writes it.
            Validation.byProvider(HibernateValidator.class).configure().ignoreXmlConfiguration()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        }
        Logger.getLogger("org.example.host").info("the host's own INFO line");
        System.out.println("version category level after: "
                + Logger.getLogger("org.hibernate.validator.internal.util.Version").getLevel());
        System.out.println("root level after: " + Logger.getLogger("").getLevel());
    }
}

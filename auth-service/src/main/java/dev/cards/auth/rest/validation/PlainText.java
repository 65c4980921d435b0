package dev.cards.auth.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text without control characters (Unicode category Cc, NUL included) and without unpaired
 * surrogates. PostgreSQL refuses NUL in text and stores a lone surrogate as "?", which would merge
 * distinct values; no field of this API has a use for either. Null passes (use @NotNull).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters or unpaired surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

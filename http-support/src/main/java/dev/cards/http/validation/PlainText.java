package dev.cards.http.validation;

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
 * Text without control characters (Unicode category Cc, NUL included; tab, line feed and carriage
 * return only where {@link #multiline()}) and without unpaired surrogates. PostgreSQL refuses NUL
 * in text and stores a lone surrogate as "?", which would merge distinct values or change a stored card.
 * Null passes (use @NotNull).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    /** Whether tab, line feed and carriage return are allowed (a card's question and answer). */
    boolean multiline() default false;

    String message() default "must not contain control characters or unpaired surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

package io.mcpee.it.leaky;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A label the vault knows: none. Its message repeats the value, as many applications' messages do. */
@Constraint(validatedBy = KnownLabel.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface KnownLabel {
    String message() default "'${validatedValue}' is not a known label";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Knows no label. */
    class Validator implements ConstraintValidator<KnownLabel, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null;
        }
    }
}

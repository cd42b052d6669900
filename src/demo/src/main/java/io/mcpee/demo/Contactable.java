package io.mcpee.demo;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A customer the sales team can reach: it has an email address or a phone number. */
@Constraint(validatedBy = Contactable.Validator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contactable {
    String message() default "needs an email address or a phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Contactable} on a {@link Customer}. */
    class Validator implements ConstraintValidator<Contactable, Customer> {
        @Override
        public boolean isValid(Customer customer, ConstraintValidatorContext context) {
            return customer == null || !isBlank(customer.getEmail()) || !isBlank(customer.getPhone());
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }
}

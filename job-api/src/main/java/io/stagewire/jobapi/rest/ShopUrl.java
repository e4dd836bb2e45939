package io.stagewire.jobapi.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An absolute http or https URL with a host and no credentials in it (they would end up in logs and events). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ShopUrl.Validator.class)
public @interface ShopUrl {
    String message() default "must be an http or https URL with a host and without user name or password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int MAX_LENGTH = 2048;

    class Validator implements ConstraintValidator<ShopUrl, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotBlank says whether it is required
            }
            if (value.length() > MAX_LENGTH) {
                return false;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https"))
                        && uri.getHost() != null && !uri.getHost().isBlank()
                        && uri.getRawUserInfo() == null
                        // "http://user@host" without a parsable host still carries an '@' in the authority
                        && (uri.getRawAuthority() == null || !uri.getRawAuthority().contains("@"));
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}

package org.omnilux.rest.internal.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint also accepts the token as an {@code access_token} query parameter (RFC 6750 §2.3), for
 * {@code <img>} tags. Only artwork does: tokens in URLs end up in logs and histories.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface QueryTokenAllowed {
}

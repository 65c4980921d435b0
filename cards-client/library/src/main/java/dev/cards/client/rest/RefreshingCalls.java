package dev.cards.client.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on every generated interface (quarkus-openapi-generator's {@code additional-api-type-annotations}):
 * its injected {@code @RestClient} bean refreshes an expired access token and retries, by
 * {@link RefreshingCallsInterceptor}.
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RefreshingCalls {
}

package io.github.rashomon.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every value type in Rashomon.
 *
 * <p>Generated implementations are package-private ({@code Immutable*}); the public API exposes
 * only the abstract value types and their nested {@code Builder} classes, so the generated names
 * never leak to users.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = false,
    allParameters = false,
    defaults = @Value.Immutable(copy = false),
    allowedClasspathAnnotations = {Override.class},
    strictBuilder = true)
public @interface ValueStyle {}

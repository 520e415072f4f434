/**
 * The domain model of conflicting testimony.
 *
 * <p>A {@link io.github.rashomon.model.Case} gathers {@link io.github.rashomon.model.Source
 * sources} (who asserts), {@link io.github.rashomon.model.Question questions} (what is
 * disputed, with a {@link io.github.rashomon.model.ValueDomain domain} of admissible values),
 * {@link io.github.rashomon.model.Account accounts} (statement events) and {@link
 * io.github.rashomon.model.Claim claims} (a source affirms or denies a {@link
 * io.github.rashomon.model.Value value}, with qualifiers). Every type is immutable and rejects
 * bad input at construction with a message naming the field and the value.
 *
 * @since 0.1
 */
package io.github.rashomon.model;

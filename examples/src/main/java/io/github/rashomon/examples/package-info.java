/**
 * Runnable example programs. {@link io.github.rashomon.examples.Janaozen} models the contradicting
 * accounts of the December 2011 shootings in Janaozen, Kazakhstan.
 *
 * @since 0.1
 */
package io.github.rashomon.examples;

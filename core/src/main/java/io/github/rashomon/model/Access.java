package io.github.rashomon.model;

/**
 * How the source came to know what it claims.
 *
 * @since 0.1
 */
public enum Access {
  /** The source saw or heard it itself: an eyewitness, a camera. */
  DIRECT,
  /** The source read it in records or documents. */
  DOCUMENTARY,
  /** The source was told by others it does not name. */
  HEARSAY,
  /** Not stated. */
  UNSPECIFIED
}

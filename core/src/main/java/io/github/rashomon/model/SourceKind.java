package io.github.rashomon.model;

/**
 * What kind of thing a {@link Source} is.
 *
 * @since 0.1
 */
public enum SourceKind {
  /** An individual: a witness, an official, a staff member. */
  PERSON,
  /** A non-state organisation: an NGO, a party, a trade union, a company. */
  ORGANISATION,
  /** A state body: a ministry, the police, a prosecution service, an official commission. */
  STATE_BODY,
  /** A newspaper, broadcaster, agency or other news outlet. */
  MEDIA_OUTLET,
  /** A recording or document: video footage, a photograph, a medical record. */
  RECORDING,
  /** A worker on a crowdsourcing platform. */
  CROWD_WORKER,
  /** A web site, as in truth discovery over web data. */
  WEB_SITE,
  /** Anything else. */
  OTHER
}

package io.github.rashomon.model;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CaseLookupTest {
  @Test
  void lookupsRejectNull() {
    Case c = Case.builder().build();
    assertThrows(NullPointerException.class, () -> c.source(null));
    assertThrows(NullPointerException.class, () -> c.question(null));
    assertThrows(NullPointerException.class, () -> c.account(null));
    assertThrows(NullPointerException.class, () -> c.claimsAbout(null));
    assertThrows(NullPointerException.class, () -> c.claimsBy(null));
  }

  @Test
  void aDeniedEmptySetHasAWellFormedId() {
    Claim k = Claim.builder().source("s").question("q").value(ValueSet.of())
        .stance(Stance.DENIES).build();
    org.junit.jupiter.api.Assertions.assertEquals("s/q/not {}", k.id());
  }
}

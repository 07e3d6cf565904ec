package io.mli.orchestrator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CascadePropertiesTest {

    @Test
    void unsetValuesTakeTheEngineDefaults() {
        CascadeProperties p = new CascadeProperties(null, null, null, null, null, null);
        assertThat(p.acceptAt()).isEqualTo(0.9);
        assertThat(p.abstainBelow()).isEqualTo(0.3);
        assertThat(p.abstainBelowThai()).isEqualTo(0.6);
        assertThat(p.nerFirst()).isTrue();
        assertThat(p.nerSureAt()).isEqualTo(0.85);
        assertThat(p.thaiInParallel()).isFalse();
    }

    @Test
    void aValueOutsideZeroToOneIsRefusedAtStartUpWithItsName() {
        assertThatThrownBy(() -> new CascadeProperties(1.5, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mli.cascade.accept-at");
        assertThatThrownBy(() -> new CascadeProperties(null, null, null, true, Double.NaN, null))
                .hasMessageContaining("mli.cascade.ner-sure-at");
    }
}

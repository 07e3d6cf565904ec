package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrfBrandModelTest {

    @Test
    void trainsOnTheFirstExamplesOfEachBrandOnly() {
        List<String> brandOf = List.of("sandisk", "wd", "sandisk", "sandisk", "wd", "toshiba", "sandisk");
        assertThat(CrfBrandModel.firstPerBrand(brandOf, 2))
                .containsExactly(true, true, true, false, true, true, false);
        assertThat(CrfBrandModel.firstPerBrand(brandOf, 40)).doesNotContain(false);
    }
}

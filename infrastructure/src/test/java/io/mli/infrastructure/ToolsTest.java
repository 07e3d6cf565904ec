package io.mli.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool fails the checks on CI and only skips them on a developer machine. */
class ToolsTest {
  private static final String MISSING = "mli-no-such-tool-7f3a";

  @Test
  void aMissingToolFailsOnCi() {
    assertThatThrownBy(() -> Tools.require(MISSING, "install it", true))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining(MISSING).hasMessageContaining(".ci/setup");
  }

  @Test
  void aMissingToolSkipsLocally() {
    assertThatThrownBy(() -> Tools.require(MISSING, "install it", false))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("skipped locally");
  }

  @Test
  void aPresentToolIsFound() {
    assertThat(Tools.require("sh", "a POSIX shell", true)).isExecutable();
  }
}

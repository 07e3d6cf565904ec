package io.mli.cli.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3LocationTest {
    @Test
    void parsesBucketAndPrefix() {
        S3Location l = S3Location.parse("s3://my-bucket/mli/ft/");
        assertThat(l.bucket()).isEqualTo("my-bucket");
        assertThat(l.key("job/train.jsonl")).isEqualTo("mli/ft/job/train.jsonl");
        assertThat(l.uri("job/train.jsonl")).isEqualTo("s3://my-bucket/mli/ft/job/train.jsonl");
        assertThat(S3Location.parse("s3://b").key("x")).isEqualTo("x");
        assertThatThrownBy(() -> S3Location.parse("https://b/p")).hasMessageContaining("s3://");
        assertThatThrownBy(() -> S3Location.parse("s3:///p")).hasMessageContaining("no bucket");
    }
}

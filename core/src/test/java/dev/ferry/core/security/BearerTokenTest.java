package dev.ferry.core.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenTest {

    private final BearerToken token = new BearerToken("s3cret");

    @Test
    void admitsOnlyTheSameTokenBehindABearerPrefixOfAnyCase() {
        assertThat(token.admits("Bearer s3cret")).isTrue();
        assertThat(token.admits("bearer s3cret ")).isTrue();
        assertThat(token.admits("Bearer s3cre")).isFalse();
        assertThat(token.admits("Bearer s3cret2")).isFalse();
        assertThat(token.admits("Basic s3cret")).isFalse();
        assertThat(token.admits("s3cret")).isFalse();
        assertThat(token.admits(null)).isFalse();
    }

    @Test
    void anEmptyTokenIsRefusedSoAnUnsetSettingNeverAdmitsAnEmptyHeader() {
        assertThatThrownBy(() -> new BearerToken(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}

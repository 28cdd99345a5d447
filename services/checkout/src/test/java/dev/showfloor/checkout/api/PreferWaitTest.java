package dev.showfloor.checkout.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreferWaitTest {
    @Test
    void readsTheWaitPreferenceInSeconds() {
        assertThat(PreferWait.millis("wait=10")).isEqualTo(10_000);
        assertThat(PreferWait.millis("respond-async, wait=5")).isEqualTo(5_000);
        assertThat(PreferWait.millis("Wait = \"3\"")).isEqualTo(3_000);
        assertThat(PreferWait.millis("return=minimal, wait=2;ignored=1")).isEqualTo(2_000);
    }

    @Test
    void ignoresWhatItCannotUse() {
        assertThat(PreferWait.millis(null)).isZero();
        assertThat(PreferWait.millis("respond-async")).isZero();
        assertThat(PreferWait.millis("wait=soon")).isZero();
        assertThat(PreferWait.millis("wait=-4")).isZero();
        assertThat(PreferWait.millis("wait=0")).isZero();
        assertThat(PreferWait.millis("waiting=4")).isZero();
    }
}

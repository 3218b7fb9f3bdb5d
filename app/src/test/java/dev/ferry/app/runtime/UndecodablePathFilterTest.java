package dev.ferry.app.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UndecodablePathFilterTest {

    @Test
    void anIllegalArgumentThrownWhileVertxMatchesARouteIsTheUndecodablePath() {
        IllegalArgumentException thrown = thrownFrom("io.vertx.ext.web.impl.RouteState", "matches");

        assertThat(UndecodablePathFilter.thrownWhileMatchingARoute(thrown)).isTrue();
    }

    @Test
    void anIllegalArgumentThrownByAHandlerIsNotFiltered() {
        IllegalArgumentException thrown = thrownFrom("dev.ferry.storefront.EventsEndpoint", "handle");

        assertThat(UndecodablePathFilter.thrownWhileMatchingARoute(thrown)).isFalse();
    }

    @Test
    void anotherExceptionOrNoneIsNotFiltered() {
        IllegalStateException other = new IllegalStateException("boom");
        other.setStackTrace(new StackTraceElement[] {frame("io.vertx.ext.web.impl.RouteState", "matches")});

        assertThat(UndecodablePathFilter.thrownWhileMatchingARoute(other)).isFalse();
        assertThat(UndecodablePathFilter.thrownWhileMatchingARoute(null)).isFalse();
    }

    private static IllegalArgumentException thrownFrom(String className, String method) {
        IllegalArgumentException thrown = new IllegalArgumentException("Invalid escape sequence: %zz");
        thrown.setStackTrace(new StackTraceElement[] {frame("io.vertx.core.http.impl.HttpUtils", "decodeUnreserved"),
                frame(className, method), frame("io.vertx.ext.web.impl.RouterImpl", "handle")});
        return thrown;
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }
}

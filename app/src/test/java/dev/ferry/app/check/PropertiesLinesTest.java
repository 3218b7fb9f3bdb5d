package dev.ferry.app.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PropertiesLinesTest {

    @Test
    void numbersEachKeyByTheLineItStartsOn() {
        String text = """
                # comment
                ! another comment

                ferry.http.port=8080
                ferry.aep.scopes = openid,\\
                    AdobeID
                ferry.aep.client-id : abc
                  ferry.aep.org-id   ORG@AdobeOrg
                ferry\\ odd.key=1
                """;

        assertThat(PropertiesLines.of(text))
                .containsEntry("ferry.http.port", 4)
                .containsEntry("ferry.aep.scopes", 5)
                .containsEntry("ferry.aep.client-id", 7)
                .containsEntry("ferry.aep.org-id", 8)
                .containsEntry("ferry odd.key", 9)
                .hasSize(5);
    }

    @Test
    void aKeyWrittenTwiceKeepsTheLineOfTheValueThatWins() {
        assertThat(PropertiesLines.of("a=1\nb=2\na=3\n")).containsEntry("a", 3);
    }
}

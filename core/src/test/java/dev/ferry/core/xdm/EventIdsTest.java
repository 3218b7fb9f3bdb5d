package dev.ferry.core.xdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void areTheNameBasedUuidsOfTheJoinedPartsAsEveryEarlierVersionMadeThem() {
        String[][] cases = {{"commerce-order", "100000123", "invoiced", "42"}, {"x"}, {}, {"", ""},
                {"naïve", "名前", "|"}};
        for (String[] parts : cases) {
            String name = "ferry|" + String.join("|", parts);
            assertThat(EventIds.deterministic(parts))
                    .isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        }
        assertThat(EventIds.deterministic("commerce-order", "100000123", "invoiced", "42"))
                .isEqualTo(EventIds.deterministic("commerce-order", "100000123", "invoiced", "42"));
    }
}

package dev.ferry.sandbox.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void numbersLinesEndedByNewlineCarriageReturnOrBothAsAnEditorDoes() {
        assertThat(lines("{\"a\":1}\r\n{\"b\":2}\r{\"c\":3}\n{\"d\":4}"))
                .containsExactly("1:{\"a\":1}", "2:{\"b\":2}", "3:{\"c\":3}", "4:{\"d\":4}");
    }

    @Test
    void skipsBlankLinesButCountsThem() {
        assertThat(lines("\n  \t\n{\"a\":1}\n\u2003\n\r\n{\"b\":2}\n\n"))
                .containsExactly("3:{\"a\":1}", "6:{\"b\":2}");
    }

    @Test
    void keepsALastLineWithoutTerminatorAndNothingOfAnEmptyFile() {
        assertThat(lines("{\"a\":1}\n{\"b\":2}")).containsExactly("1:{\"a\":1}", "2:{\"b\":2}");
        assertThat(lines("")).isEmpty();
    }

    private static List<String> lines(String content) {
        List<String> found = new ArrayList<>();
        JsonLines.forEachNonBlank("part-0.json", content.getBytes(StandardCharsets.UTF_8),
                line -> found.add(line.number() + ":" + line.text()));
        return found;
    }
}

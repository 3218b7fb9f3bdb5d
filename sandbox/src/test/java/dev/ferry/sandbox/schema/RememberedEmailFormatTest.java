package dev.ferry.sandbox.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RememberedEmailFormatTest {

    /** Counts the addresses it is asked about; an address is valid when it holds an @. */
    private final List<String> asked = new ArrayList<>();
    private final Format delegate = new Format() {
        @Override
        public String getName() {
            return "email";
        }

        @Override
        public boolean matches(ExecutionContext executionContext, String value) {
            asked.add(value);
            return value.contains("@");
        }
    };

    @Test
    void theLastAddressIsNotCheckedAgainOnTheSameThreadAndEveryOtherIs() throws Exception {
        RememberedEmailFormat format = new RememberedEmailFormat(delegate);

        List<Boolean> judged = new ArrayList<>();
        for (String address : List.of("a@x.com", "a@x.com", "a@x.com", "bad", "bad", "a@x.com")) {
            judged.add(format.matches(null, address));
        }
        boolean onAnotherThread = CompletableFuture.supplyAsync(() -> format.matches(null, "a@x.com")).get();

        assertThat(judged).containsExactly(true, true, true, false, false, true);
        assertThat(onAnotherThread).isTrue();
        assertThat(asked).containsExactly("a@x.com", "bad", "a@x.com", "a@x.com");
        assertThat(format.getName()).isEqualTo("email");
    }
}

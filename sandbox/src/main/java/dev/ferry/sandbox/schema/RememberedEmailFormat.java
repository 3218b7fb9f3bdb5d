package dev.ferry.sandbox.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;

/**
 * The {@code email} format of a delegate, which remembers on each thread the last address it judged: a batch lists an
 * order's three or four events one after the other, each with the shopper's address, and checking an address (the
 * commons-validator rules and their regular expressions) was a tenth of the sandbox's work on a history export.
 */
final class RememberedEmailFormat implements Format {

    private record Judged(String address, boolean valid) {
    }

    private final Format delegate;
    private final ThreadLocal<Judged> last = new ThreadLocal<>();

    RememberedEmailFormat(Format delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public String getMessageKey() {
        return delegate.getMessageKey();
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        Judged judged = last.get();
        if (judged == null || !judged.address().equals(value)) {
            judged = new Judged(value, delegate.matches(executionContext, value));
            last.set(judged);
        }
        return judged.valid();
    }
}

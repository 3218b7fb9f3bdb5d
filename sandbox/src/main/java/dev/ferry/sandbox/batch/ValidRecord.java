package dev.ferry.sandbox.batch;

import dev.ferry.sandbox.intake.EventFacts;

/**
 * A batch record that passed validation, held until the whole batch has: where its text is in the batch's bytes,
 * and what storing it needs of its tree, so that storing it parses nothing again.
 */
record ValidRecord(JsonLine line, EventFacts facts) {
}

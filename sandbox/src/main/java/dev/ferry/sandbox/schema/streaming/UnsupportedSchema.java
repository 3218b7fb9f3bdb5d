package dev.ferry.sandbox.schema.streaming;

/** A schema that uses more of JSON Schema than the streaming check knows; the full validator then checks alone. */
final class UnsupportedSchema extends Exception {

    UnsupportedSchema(String message) {
        super(message, null, false, false);
    }
}

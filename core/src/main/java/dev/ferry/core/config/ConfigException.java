package dev.ferry.core.config;

/** A configuration mistake; its message is one line that names the key, file or host at fault. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}

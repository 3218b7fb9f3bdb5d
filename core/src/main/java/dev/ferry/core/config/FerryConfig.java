package dev.ferry.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Ferry's configuration: one properties file, every {@code ferry.*} key overridable by its environment variable
 * ({@code ferry.aep.client-id} -> {@code FERRY_AEP_CLIENT_ID}); the environment wins, then the file, then the
 * default of {@link FerrySetting}.
 */
public final class FerryConfig {

    private final Map<String, String> values;

    private FerryConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static FerryConfig load(Path file, Map<String, String> environment) {
        Properties properties = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (NoSuchFileException e) {
                throw new ConfigException("config file not found: " + file);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
            }
        }
        Map<String, String> fileValues = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> fileValues.put(k, properties.getProperty(k).trim()));
        return of(fileValues, environment);
    }

    /** Builds a configuration from explicit values (as if read from a file) and an environment. */
    public static FerryConfig of(Map<String, String> fileValues, Map<String, String> environment) {
        Map<String, String> merged = new TreeMap<>();
        for (FerrySetting setting : FerrySetting.values()) {
            merged.put(setting.key(), setting.defaultValue());
        }
        merged.putAll(fileValues);
        for (String key : merged.keySet().toArray(String[]::new)) {
            String fromEnvironment = environment.get(FerrySetting.environmentVariableOf(key));
            if (fromEnvironment != null) {
                merged.put(key, fromEnvironment.trim());
            }
        }
        return new FerryConfig(merged);
    }

    public String get(FerrySetting setting) {
        return values.getOrDefault(setting.key(), setting.defaultValue());
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public String require(FerrySetting setting) {
        String value = get(setting);
        if (value == null || value.isBlank()) {
            throw new ConfigException(setting.key() + " is not set (property " + setting.key()
                    + " or environment variable " + setting.environmentVariable() + ")");
        }
        return value;
    }

    public int getInt(FerrySetting setting) {
        String value = get(setting);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(setting.key() + " must be a whole number, not '" + value + "'");
        }
    }

    /** Every key with its value, secrets masked: what logs and `ferry check` may show. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, FerrySetting.isSecretKey(k) && !v.isEmpty() ? "****" : v));
        return shown;
    }

    /** Every key with its value, for handing to Camel's property placeholders. */
    public Properties asProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Returns a copy with some keys replaced, as `ferry demo` does to point Ferry at its embedded services. */
    public FerryConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new FerryConfig(merged);
    }

    @Override
    public String toString() {
        return "FerryConfig" + redacted();
    }
}

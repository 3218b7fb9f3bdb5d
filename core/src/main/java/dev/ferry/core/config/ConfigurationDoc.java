package dev.ferry.core.config;

/** Renders the reference table of every ferry.* key from {@link FerrySetting}, for docs/configuration.md. */
public final class ConfigurationDoc {

    public static final String BEGIN = "<!-- settings:begin (generated from FerrySetting) -->";
    public static final String END = "<!-- settings:end -->";

    private ConfigurationDoc() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder("| Key | Environment variable | Default | Description |\n|---|---|---|---|\n");
        for (FerrySetting setting : FerrySetting.values()) {
            out.append("| `").append(setting.key()).append("` | `").append(setting.environmentVariable()).append("` | ")
                    .append(setting.defaultValue().isEmpty() ? "" : "`" + setting.defaultValue() + "`").append(" | ")
                    .append(setting.description()).append(setting.secret() ? " Secret: never logged." : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    /** The document with its generated section replaced by a fresh rendering. */
    public static String refresh(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " ... " + END + " section");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + markdown() + document.substring(end);
    }
}

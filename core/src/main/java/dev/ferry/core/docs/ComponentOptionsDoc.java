package dev.ferry.core.docs;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a connector's options reference from the annotations on its component and endpoint fields, where each
 * option is declared and described once. The docs embed the result; each connector's test checks they agree.
 */
public final class ComponentOptionsDoc {

    public static final String BEGIN = "<!-- options:begin (generated from the @UriParam/@Metadata declarations) -->";
    public static final String END = "<!-- options:end -->";

    private ComponentOptionsDoc() {
    }

    public static String markdown(Class<?> componentClass, Class<?> endpointClass) {
        UriEndpoint endpoint = endpointClass.getAnnotation(UriEndpoint.class);
        StringBuilder out = new StringBuilder();
        out.append("URI syntax: `").append(endpoint.syntax()).append("`\n\n");
        out.append("| Option | Level | Type | Default | Description |\n");
        out.append("|---|---|---|---|---|\n");
        for (Row row : rows(componentClass, endpointClass)) {
            out.append("| `").append(row.name).append("` | ").append(row.level).append(" | ").append(row.type)
                    .append(" | ").append(row.defaultValue.isEmpty() ? "" : "`" + row.defaultValue + "`")
                    .append(" | ").append(row.description.replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** The document with the generated section replaced by a fresh rendering. */
    public static String refresh(String document, Class<?> componentClass, Class<?> endpointClass) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " ... " + END + " section");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + markdown(componentClass, endpointClass)
                + document.substring(end);
    }

    private static List<Row> rows(Class<?> componentClass, Class<?> endpointClass) {
        List<Row> rows = new ArrayList<>();
        for (Field field : fields(componentClass)) {
            Metadata metadata = field.getAnnotation(Metadata.class);
            if (metadata != null) {
                rows.add(new Row(field.getName(), "component", type(field), metadata.defaultValue(), metadata.description()));
            }
        }
        for (Field field : fields(endpointClass)) {
            UriPath path = field.getAnnotation(UriPath.class);
            UriParam param = field.getAnnotation(UriParam.class);
            if (path != null) {
                rows.add(new Row(field.getName(), "path", type(field), path.defaultValue(), path.description()));
            } else if (param != null) {
                String level = param.label().isEmpty() ? "endpoint" : "endpoint (" + param.label() + ")";
                rows.add(new Row(field.getName(), level, type(field), param.defaultValue(), param.description()));
            }
        }
        return rows;
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c.getName().startsWith("dev.ferry"); c = c.getSuperclass()) {
            fields.addAll(0, List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    private static String type(Field field) {
        return field.getType().getSimpleName();
    }

    private record Row(String name, String level, String type, String defaultValue, String description) {
    }
}

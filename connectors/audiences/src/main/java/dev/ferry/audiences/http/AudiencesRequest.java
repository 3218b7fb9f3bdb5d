package dev.ferry.audiences.http;

import dev.ferry.audiences.intake.DestinationRejection;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;

/** Reading the parts of a platform-http request the audiences endpoints need. */
final class AudiencesRequest {

    private AudiencesRequest() {
    }

    /** A header's first value, or null. */
    static String header(Message in, String name) {
        Object value = in.getHeader(name);
        if (value instanceof Iterable<?> values) {
            var iterator = values.iterator();
            return iterator.hasNext() ? String.valueOf(iterator.next()) : null;
        }
        return value == null ? null : value.toString();
    }

    /** The value of one cookie of the request's Cookie header, or null. */
    static String cookie(Message in, String name) {
        Object header = in.getHeader("Cookie");
        Iterable<?> headers = header instanceof Iterable<?> values ? values : header == null ? java.util.List.of()
                : java.util.List.of(header);
        for (Object line : headers) {
            for (String pair : String.valueOf(line).split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                    String value = pair.substring(equals + 1).strip();
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }

    /**
     * Whether the body is a form, which the platform-http engine parses into parameters (its bytes are gone), so
     * it can be neither read as JSON nor forwarded as sent.
     */
    static boolean isForm(Message in) {
        String type = header(in, "Content-Type");
        String media = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/x-www-form-urlencoded") || media.equals("multipart/form-data");
    }

    static String method(Message in) {
        String method = header(in, Exchange.HTTP_METHOD);
        return method == null ? "" : method.toUpperCase(Locale.ROOT);
    }

    /**
     * The body, read up to one byte beyond the limit so an oversized body is refused (413) without reading it all.
     */
    static byte[] body(Exchange exchange, int limit) {
        String declared = header(exchange.getIn(), "Content-Length");
        if (declared != null && declared.strip().matches("[0-9]{1,18}") && Long.parseLong(declared.strip()) > limit) {
            throw new DestinationRejection(413, "the body is " + declared.strip() + " bytes; the limit is " + limit);
        }
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes;
            if (body instanceof byte[] array) {
                bytes = array;
            } else if (body instanceof InputStream stream) {
                bytes = stream.readNBytes(limit + 1);
            } else {
                bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
            }
            if (bytes.length > limit) {
                throw new DestinationRejection(413, "the body is larger than the limit of " + limit + " bytes");
            }
            return bytes;
        } catch (IOException | NoTypeConversionAvailableException e) {
            throw new DestinationRejection(400, "the body cannot be read: " + e.getMessage());
        }
    }
}

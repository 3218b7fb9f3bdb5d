package dev.ferry.storefront.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The cookies of a request, from its {@code Cookie} header ({@code name=value; name2=value2}). */
public final class RequestCookies {

    private final Map<String, String> cookies;

    private RequestCookies(Map<String, String> cookies) {
        this.cookies = cookies;
    }

    public static RequestCookies parse(String header) {
        if (header == null || header.isBlank()) {
            return new RequestCookies(Collections.emptyMap());
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).strip();
            String value = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!name.isEmpty()) {
                cookies.putIfAbsent(name, value);
            }
        }
        return new RequestCookies(cookies);
    }

    public boolean has(String name) {
        return cookies.containsKey(name);
    }

    public String get(String name) {
        return cookies.get(name);
    }
}

package dev.ferry.app.command;

import java.util.regex.Pattern;

/** Masks what identifies a person in an XDM payload shown to an operator: email addresses. */
final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private PersonalData() {
    }

    static String mask(String json) {
        return EMAIL.matcher(json).replaceAll("****@****");
    }
}

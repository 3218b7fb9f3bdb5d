package dev.ferry.core.identity;

import java.util.regex.Pattern;

/**
 * Masks what identifies a person in an XDM payload shown to an operator (`ferry dlq show`, the admin API): email
 * addresses. Hashed identities stay, since operators match them against AEP.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private PersonalData() {
    }

    public static String mask(String json) {
        return EMAIL.matcher(json).replaceAll("****@****");
    }
}

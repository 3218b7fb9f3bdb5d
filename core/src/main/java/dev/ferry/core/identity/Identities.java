package dev.ferry.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identities as AEP namespaces expect them: FPID (a UUID v4 the first party mints) and Email_LC_SHA256. */
public final class Identities {

    public static final String FPID = "FPID";
    public static final String ECID = "ECID";
    public static final String EMAIL_LC_SHA256 = "Email_LC_SHA256";

    private static final Pattern UUID_V4 =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

    private Identities() {
    }

    /** SHA-256 hex of the trimmed, lower-cased address: the value of the Email_LC_SHA256 namespace. */
    public static String emailSha256(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** A new first-party device id; Adobe requires FPIDs to be UUID v4. */
    public static String newFpid() {
        return UUID.randomUUID().toString();
    }

    public static boolean isFpid(String value) {
        return value != null && UUID_V4.matcher(value.toLowerCase(Locale.ROOT)).matches();
    }
}

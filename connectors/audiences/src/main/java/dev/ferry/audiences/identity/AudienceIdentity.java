package dev.ferry.audiences.identity;

import dev.ferry.core.identity.Identities;
import java.util.Locale;

/**
 * One identity membership is stored under: a namespace of Ferry's table ({@link #CUSTOMER}, {@link #EMAIL_SHA256},
 * {@link #ECID}, {@link #FPID}) and its value (a hash or a device id, never a raw email address).
 */
public record AudienceIdentity(String namespace, String value) {

    /** The Commerce customer id (customer_entity.entity_id). */
    public static final String CUSTOMER = "customer";
    public static final String EMAIL_SHA256 = "email_lc_sha256";
    public static final String ECID = "ecid";
    public static final String FPID = "fpid";

    public static AudienceIdentity customer(long customerId) {
        return new AudienceIdentity(CUSTOMER, Long.toString(customerId));
    }

    public static AudienceIdentity emailSha256(String hash) {
        return new AudienceIdentity(EMAIL_SHA256, hash.toLowerCase(Locale.ROOT));
    }

    /** The hashed identity of a raw address; the address itself is not kept. */
    public static AudienceIdentity email(String rawEmail) {
        return new AudienceIdentity(EMAIL_SHA256, Identities.emailSha256(rawEmail));
    }

    public static AudienceIdentity ecid(String ecid) {
        return new AudienceIdentity(ECID, ecid);
    }

    public static AudienceIdentity fpid(String fpid) {
        return new AudienceIdentity(FPID, fpid.toLowerCase(Locale.ROOT));
    }

    /** The AEP identity namespace code of this identity, for an Edge membership pull. */
    public String aepNamespace(String customerNamespace) {
        return switch (namespace) {
            case CUSTOMER -> customerNamespace;
            case EMAIL_SHA256 -> Identities.EMAIL_LC_SHA256;
            case ECID -> Identities.ECID;
            case FPID -> Identities.FPID;
            default -> throw new IllegalStateException("unknown namespace " + namespace);
        };
    }
}

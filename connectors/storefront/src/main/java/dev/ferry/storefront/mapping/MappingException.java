package dev.ferry.storefront.mapping;

/** Why one ACDL event cannot become an XDM event; the message is the one-line reason the collector answers. */
public class MappingException extends RuntimeException {

    public MappingException(String reason) {
        super(reason, null, false, false);
    }
}

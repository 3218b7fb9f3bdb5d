package dev.ferry.core.xdm;

/** identityMap's authenticatedState values. */
public enum AuthenticatedState {
    AMBIGUOUS("ambiguous"), AUTHENTICATED("authenticated"), LOGGED_OUT("loggedOut");

    private final String xdmValue;

    AuthenticatedState(String xdmValue) {
        this.xdmValue = xdmValue;
    }

    public String xdmValue() {
        return xdmValue;
    }
}

package dev.ferry.app;

import picocli.CommandLine;

/** The version Maven wrote into the jar's manifest. */
final class FerryVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = FerryCli.class.getPackage().getImplementationVersion();
        return new String[] {"ferry " + (version == null ? "(development build)" : version)};
    }
}

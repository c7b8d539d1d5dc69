package dev.hench.collector.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest so that it matches the build. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CollectorMain.class.getPackage().getImplementationVersion();
        return new String[] {"hench collector " + (version == null ? "(development build)" : version)};
    }
}

package dev.ferry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SystemLibrariesTest {

    @Test
    void namesTheDebianPackagesOfLibrariesLddCannotFind() {
        String ldd = """
                \tlinux-vdso.so.1 (0x00007ffd4b5f2000)
                \tlibaio.so.1 => not found
                \tlibcrypt.so.1 => /lib/x86_64-linux-gnu/libcrypt.so.1 (0x00007f1c8c9d2000)
                \tlibncurses.so.6 => not found
                """;

        assertThat(SystemLibraries.diagnose("mariadbd", ldd)).hasValue(
                "Embedded MariaDB cannot run on this machine: mariadbd needs libaio.so.1, libncurses.so.6, which the"
                        + " machine lacks; install them with: apt-get install -y libaio1 libncurses6");
    }

    @Test
    void readsTheLoadersErrorWhenTheServerFailedToStart() {
        String console = "/tmp/base/bin/mariadbd: error while loading shared libraries: libssl.so.3: cannot open"
                + " shared object file: No such file or directory";

        assertThat(SystemLibraries.diagnose("mariadbd", console))
                .hasValueSatisfying(message -> assertThat(message).endsWith("apt-get install -y libssl3"));
    }

    @Test
    void pointsToAptFileForALibraryWithoutAKnownPackage() {
        assertThat(SystemLibraries.diagnose("mariadbd", "\tlibfoo.so.7 => not found\n"))
                .hasValueSatisfying(message -> assertThat(message).endsWith("with: apt-file search libfoo.so.7"));
    }

    @Test
    void findsNothingMissingForABinaryThisMachineRuns() {
        assertThat(SystemLibraries.check(Path.of("/bin/sh"), Path.of("/nonexistent"))).isEmpty();
    }
}

package org.gosplan.app;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Keeps standard output for gosplan's own output. OR-Tools' PDLP writes its warnings ("WARNING:
 * Constraint matrix has largest absolute value ...") with a logger of its own straight to file
 * descriptor 1: it logs to standard output whenever it is given no message callback, and the model
 * solver gives it none, whatever {@code enableOutput} and {@code verbosity_level} say. With
 * {@code --json} that text broke the one JSON document (cli.md). A Java program cannot move a native
 * library's descriptor by itself, so at start, through libc, descriptor 1 is pointed at standard
 * error and {@link System#out} writes to a duplicate of the original descriptor 1: whatever native
 * code prints goes to standard error, and only gosplan's own output reaches standard output.
 */
final class NativeStdout {
    private NativeStdout() {}

    /** The few libc calls needed; loaded only when {@link #divert} runs. */
    interface LibC extends Library {
        int dup(int fd) throws LastErrorException;

        int dup2(int fd, int fd2) throws LastErrorException;

        NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

        int isatty(int fd);

        /** {@code fflush(NULL)}: every C stream, among them the C library's own {@code stdout}. */
        int fflush(Pointer stream);
    }

    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int EINTR = 4;

    private static LibC libc;

    /**
     * Points descriptor 1 at standard error and {@link System#out} at the original standard output.
     * Returns false, changing nothing, where libc cannot be reached (another system, JNA unable to
     * load): the program then runs as before, native text and all.
     */
    static synchronized boolean divert() {
        if (libc != null) {
            return true;
        }
        if (!(Platform.isLinux() || Platform.isMac())) {
            return false;
        }
        LibC c;
        int saved;
        try {
            c = libc();
            System.out.flush();
            saved = c.dup(STDOUT);
        } catch (LastErrorException | UnsatisfiedLinkError | NoClassDefFoundError e) {
            return false;
        }
        try {
            c.dup2(STDERR, STDOUT);
        } catch (LastErrorException e) {
            return false;
        }
        libc = c;
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        System.setOut(new PrintStream(new BufferedOutputStream(new Descriptor(c, saved), 1 << 13), true, charset));
        return true;
    }

    /**
     * Whether descriptor {@code fd} is a terminal. {@link System#console()} asks of standard input
     * and output together, so says no for {@code gosplan log list DIR > file} typed at a terminal.
     * Without libc, what {@code System.console()} says.
     */
    static synchronized boolean isTerminal(int fd) {
        try {
            LibC c = libc != null ? libc : libc();
            return c.isatty(fd) == 1;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | RuntimeException e) {
            return System.console() != null;
        }
    }

    /**
     * The C library. On Linux, JNA's first library lookup runs {@code /sbin/ldconfig -p} (a process, a
     * tenth of a second or more at every start) to build a search path, unless
     * {@code jna.platform.library.path} is set; glibc's {@code libc.so.6} is opened by its soname and
     * needs no search path, so the property is set (empty) for that first lookup only where nobody set
     * it. Elsewhere, or where there is no {@code libc.so.6} (musl), JNA's own lookup of "c".
     */
    private static LibC libc() {
        if (Platform.isLinux() && System.getProperty(SEARCH_PATH) == null) {
            System.setProperty(SEARCH_PATH, "");
            try {
                return Native.load("libc.so.6", LibC.class);
            } catch (UnsatisfiedLinkError e) {
                // not glibc: below, with the search path that the empty property left
            } finally {
                System.clearProperty(SEARCH_PATH);
            }
        }
        return Native.load("c", LibC.class);
    }

    private static final String SEARCH_PATH = "jna.platform.library.path";

    /** Flushes what native code left in the C library's buffers (to standard error, after {@link #divert}). */
    static synchronized void flush() {
        if (libc != null) {
            libc.fflush(null);
        }
    }

    /** Writes to a file descriptor through libc. */
    private static final class Descriptor extends OutputStream {
        private final LibC c;
        private final int fd;

        Descriptor(LibC c, int fd) {
            this.c = c;
            this.fd = fd;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] rest = off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
            while (rest.length > 0) {
                long n;
                try {
                    n = c.write(fd, rest, new NativeLong(rest.length)).longValue();
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == EINTR) {
                        continue;
                    }
                    throw new IOException("cannot write to standard output: " + e.getMessage(), e);
                }
                rest = Arrays.copyOfRange(rest, (int) n, rest.length);
            }
        }
    }
}

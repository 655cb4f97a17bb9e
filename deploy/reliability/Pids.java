import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The processes the harness started, one pid a line in a file, so that deploy/reliability.sh can
 * stop whatever is left should the harness itself be killed or time out.
 */
record Pids(Path file) {

    synchronized void add(long pid) throws IOException {
        Files.writeString(file, pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

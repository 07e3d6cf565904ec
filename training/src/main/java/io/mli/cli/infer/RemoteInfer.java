package io.mli.cli.infer;

import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import java.nio.file.Path;
import java.util.List;

/** {@code mli infer --url}: sends the rows to a running fleet. (Wired to the fleet client by the fleet issue.) */
final class RemoteInfer {
    private RemoteInfer() {
    }

    static int run(String url, Method method, Mode mode, Path in, Path out, List<String> titles) {
        System.err.println("mli infer: --url is not available in this build yet");
        return 2;
    }
}

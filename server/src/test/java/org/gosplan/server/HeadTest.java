package org.gosplan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD answers the headers GET would, the body's length included, and no body (RFC 9110 9.3.2). */
class HeadTest {
    @TempDir
    Path dir;

    @Test
    void headAnswersWhatGetWouldLessTheBody() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            for (String path : new String[] {"/checkpoint", "/tile/0/000.p/3", "/api/events/0", "/fulfilment",
                    "/assets/gosplan.js", "/api/reconcile?plan=0000"}) {
                HttpResponse<byte[]> get = f.get(path);
                HttpResponse<byte[]> head = f.send("HEAD", path, null);
                assertEquals(get.statusCode(), head.statusCode(), path);
                assertEquals(0, head.body().length, path);
                assertEquals(String.valueOf(get.body().length),
                        head.headers().firstValue("Content-Length").orElse("none"), path);
                assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
                assertEquals(get.headers().firstValue("Cache-Control"), head.headers().firstValue("Cache-Control"), path);
            }
        }
    }
}

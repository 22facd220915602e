package org.gosplan.server.pages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gosplan.server.HttpError;
import org.gosplan.server.Routes;
import org.gosplan.server.Served;

/**
 * The web pages: static HTML with a little JavaScript, every byte served from this jar (the
 * Content-Security-Policy forbids anything from another host). The pages read the JSON API and
 * check proofs and signatures themselves, in the browser.
 */
public final class PageRoutes implements Routes {
    /** What a page may load: this server's own scripts, styles and API, nothing else. */
    public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}\\.(js|css|md)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "md", "text/plain; charset=utf-8");

    @Override
    public void addTo(Javalin app, Served served) {
        app.get("/", ctx -> page(ctx, PageRoutes.class, "record.html", "The record", "/assets/record.js"));
        app.get("/events/{index}", ctx -> page(ctx, PageRoutes.class, "event.html", "Event", "/assets/event.js"));
        app.get("/plan", ctx -> page(ctx, PageRoutes.class, "plan.html", "The plan", "/assets/chart.umd.min.js",
                "/assets/plan.js"));
        app.get("/vote", ctx -> page(ctx, PageRoutes.class, "vote.html", "Vote", "/assets/vote.js"));
        app.get("/assets/{name}", PageRoutes::asset);
        app.get("/api/pages", ctx -> {
            ArrayNode a = Served.mapper().createArrayNode();
            for (Page p : served.pages()) {
                a.addObject().put("path", p.path()).put("title", p.title());
            }
            Served.json(ctx, 200, a);
        });
    }

    @Override
    public List<Page> pages() {
        return List.of(new Page("/", "Record"), new Page("/plan", "Plan"), new Page("/vote", "Vote"));
    }

    /**
     * Serves a page: the shell every page shares (head, styles, {@code gosplan.js}, the
     * navigation) around the HTML in resource {@code name} beside {@code owner}'s class, with
     * the {@code scripts} (paths on this server) and the pages' security headers. How a
     * capability serves its own pages from its own package.
     */
    public static void page(Context ctx, Class<?> owner, String name, String title, String... scripts)
            throws IOException {
        StringBuilder tags = new StringBuilder();
        for (String s : scripts) {
            tags.append("<script src=\"").append(s).append("\" defer></script>\n");
        }
        String html = text(PageRoutes.class, "shell.html").replace("{{title}}", title)
                .replace("{{scripts}}", tags).replace("{{main}}", text(owner, name).strip());
        headers(ctx, "text/html; charset=utf-8");
        ctx.result(html);
    }

    /** Serves script {@code name} beside {@code owner}'s class: a capability's own scripts. */
    public static void script(Context ctx, Class<?> owner, String name) throws IOException {
        byte[] bytes = resource(owner, name);
        headers(ctx, TYPES.get("js"));
        ctx.result(bytes);
    }

    private static String text(Class<?> owner, String name) throws IOException {
        return new String(resource(owner, name), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] resource(Class<?> owner, String name) throws IOException {
        InputStream in = owner.getResourceAsStream(name);
        if (in == null) {
            throw new HttpError(404, "no page " + name);
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void headers(Context ctx, String type) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(type);
    }

    private static void asset(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!ASSET.matcher(name).matches()) {
            throw new HttpError(400, "'" + name + "' is not an asset name");
        }
        byte[] bytes = resource(PageRoutes.class, "assets/" + name);
        headers(ctx, TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        ctx.result(bytes);
    }
}

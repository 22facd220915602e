package org.gosplan.server;

import io.javalin.Javalin;
import java.util.List;

/**
 * What one capability adds to the server: its routes, and the pages it lists in every page's
 * navigation. Capabilities are registered in one list ({@link Capabilities#all}); none touches
 * another's routes or pages.
 */
public interface Routes {
    /** Adds this capability's routes to {@code app}, reading and writing through {@code served}. */
    void addTo(Javalin app, Served served);

    /** The pages this capability adds to the navigation, in order. */
    default List<Page> pages() {
        return List.of();
    }

    /** A page in the navigation: its path on the server and its title. */
    record Page(String path, String title) {}
}

package org.perfgraph.support;

import java.util.Set;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.BookmarkManagerConfig;
import org.neo4j.driver.BookmarkManagers;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.stereotype.Component;

/**
 * Every session this instance opens on the store, reading or writing, shares one bookmark manager: a read that
 * follows a write of this instance (an edit, then the page showing it) starts only once the server it runs on has
 * that write, even when reads go to a cluster's secondaries ({@code neo4j://} routes read sessions there). On one
 * server, embedded or not, a bookmark is always already reached and costs nothing.
 */
@Component
public class StoreSessions {

    private final Driver driver;
    private final BookmarkManager bookmarks = BookmarkManagers.defaultManager(BookmarkManagerConfig.builder().build());

    public StoreSessions(Driver driver) {
        this.driver = driver;
    }

    /** A session for read transactions: routed to a secondary in a cluster, after this instance's last writes. */
    public Session reading() {
        return driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
                .withBookmarkManager(bookmarks).build());
    }

    /** A session for write transactions (on the leader in a cluster), after this instance's last writes. */
    public Session writing() {
        return driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE)
                .withBookmarkManager(bookmarks).build());
    }

    /** The bookmarks the next session will wait for: the last transactions this instance committed. */
    Set<Bookmark> bookmarks() {
        return bookmarks.getBookmarks();
    }
}

-- The demo data (roster.demo-data) fills a database once: the node whose INSERT of the single
-- marker row succeeds fills it; a node starting together with it, or any later start, finds the
-- row and leaves the data alone. filled_at stays null while the world is being made.
CREATE TABLE demo_marker (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    filled_at  TIMESTAMP WITH TIME ZONE
);

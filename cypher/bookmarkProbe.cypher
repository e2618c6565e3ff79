// Reads nothing: run with a client's bookmarks, it returns once the server it reached holds them.
RETURN 1 AS caughtUp

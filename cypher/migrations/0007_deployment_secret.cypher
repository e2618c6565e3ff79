// One secret per name for the whole deployment: two replicas starting at once must agree on it (src/server/bookmarks.ts).
CREATE CONSTRAINT deployment_secret_name IF NOT EXISTS FOR (s:DeploymentSecret) REQUIRE s.name IS UNIQUE;

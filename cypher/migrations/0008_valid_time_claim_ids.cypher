// Each valid-time claim is one node; its id makes re-imports update the claim instead of adding a copy.
CREATE CONSTRAINT valid_time_id_unique IF NOT EXISTS FOR (n:ValidTime) REQUIRE n.id IS UNIQUE;

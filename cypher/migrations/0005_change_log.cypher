// The audit trail: one (:Change) per write, read by `changes` oldest first and by entity.
CREATE CONSTRAINT change_id_unique IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE;
CREATE RANGE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
CREATE RANGE INDEX change_entity_id IF NOT EXISTS FOR (c:Change) ON (c.entityId);

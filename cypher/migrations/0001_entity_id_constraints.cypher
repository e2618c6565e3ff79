// Every entity carries :Entity beside its type label, so `node(id)` is one index seek whatever the type.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT brand_id_unique IF NOT EXISTS FOR (n:Brand) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT device_id_unique IF NOT EXISTS FOR (n:Device) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chip_id_unique IF NOT EXISTS FOR (n:Chip) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partnership_id_unique IF NOT EXISTS FOR (n:Partnership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT leak_id_unique IF NOT EXISTS FOR (n:Leak) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id_unique IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT spec_id_unique IF NOT EXISTS FOR (n:Spec) REQUIRE n.id IS UNIQUE;

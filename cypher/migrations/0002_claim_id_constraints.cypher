// Each relationship is one claim; its id makes re-imports update the claim instead of adding a copy.
CREATE CONSTRAINT made_by_claim_id_unique IF NOT EXISTS FOR ()-[r:MADE_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT uses_chip_claim_id_unique IF NOT EXISTS FOR ()-[r:USES_CHIP]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT camera_by_claim_id_unique IF NOT EXISTS FOR ()-[r:CAMERA_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT covers_claim_id_unique IF NOT EXISTS FOR ()-[r:COVERS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT party_to_claim_id_unique IF NOT EXISTS FOR ()-[r:PARTY_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT about_claim_id_unique IF NOT EXISTS FOR ()-[r:ABOUT]-() REQUIRE r.id IS UNIQUE;

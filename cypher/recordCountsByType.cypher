// How many export records of each type the graph holds (answered from Neo4j's count store).
RETURN COUNT { (:Source) } AS Source,
  COUNT { (:Brand) } AS Brand,
  COUNT { (:Chip) } AS Chip,
  COUNT { (:Device) } AS Device,
  COUNT { (:Partnership) } AS Partnership,
  COUNT { (:Leak) } AS Leak,
  COUNT { ()-[:MADE_BY|USES_CHIP|CAMERA_BY|COVERS]->() } AS Relationship,
  COUNT { (:Spec) } AS Spec,
  COUNT { (:ValidTime) } AS ValidTime

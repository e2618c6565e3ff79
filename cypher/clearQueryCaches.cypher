// Drops every cached plan, so the next run of each statement is planned on the graph as it is now. The importer
// calls it as the store grows (src/store/records/importer.ts): plans live at least NEO4J_MIN_REPLAN_S otherwise.
CALL db.clearQueryCaches()

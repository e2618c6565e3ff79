// Exact lookups by name, alias, model number, short model number, codename and part number.
// lookupKeys holds all of them lower-cased; the keyword analyzer indexes each list entry whole,
// which a range index cannot do for list properties.
CREATE FULLTEXT INDEX entity_lookup_keys IF NOT EXISTS FOR (n:Brand|Device|Chip) ON EACH [n.lookupKeys]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
CREATE RANGE INDEX brand_name IF NOT EXISTS FOR (n:Brand) ON (n.name);
CREATE RANGE INDEX device_name IF NOT EXISTS FOR (n:Device) ON (n.name);
CREATE RANGE INDEX chip_name IF NOT EXISTS FOR (n:Chip) ON (n.name);
CREATE RANGE INDEX device_model_number IF NOT EXISTS FOR (n:Device) ON (n.modelNumber);
CREATE RANGE INDEX device_short_model_number IF NOT EXISTS FOR (n:Device) ON (n.shortModelNumber);
CREATE RANGE INDEX device_codename IF NOT EXISTS FOR (n:Device) ON (n.codename);
CREATE RANGE INDEX chip_part_number IF NOT EXISTS FOR (n:Chip) ON (n.partNumber);
CREATE RANGE INDEX leak_reported_on IF NOT EXISTS FOR (n:Leak) ON (n.reportedOn);
CREATE RANGE INDEX source_title IF NOT EXISTS FOR (n:Source) ON (n.title);

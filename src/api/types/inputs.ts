import { Field, ID, InputType } from 'type-graphql';
import { BrandRole, Confidence, DeviceStatus, PartnershipKind, Relation } from '../../model/enums.js';
import type { ClaimEnds, ClaimVerdictEdit, LinkEdit, RecordLeakEdit, SourceEdit, UnlinkEdit } from '../../store/records/edits.js';

/*
 * Inputs of the mutations. Field names are those of the import records (src/model/records.ts), whose
 * schemas validate every write, so an error's `extensions.field` ("input.name") names the input field.
 * Omitted fields keep their stored value; on a new entity they take the import defaults.
 * Dates are partial ISO dates: "2022-05-23", "2022-05" or "2022".
 */

const PARTIAL_DATE = { nullable: true, description: 'YYYY-MM-DD, YYYY-MM or YYYY; the precision is kept.' };
const MIXED_SCRIPTS = {
  nullable: true,
  description:
    'A name or alias mixing scripts (Latin with Cyrillic or Greek, say) is refused as a likely look-alike unless this is true. CJK with one alphabet is always allowed.',
};
const DERIVED_ID = (from: string, example: string) => ({
  nullable: true,
  description: `Derived from ${from} unless given, such as "${example}". Writes are idempotent by id.`,
});

/** The fields every named kind's input starts with, its examples its own: a class factory, as TypeGraphQL's inheritance examples build one. */
function NamedEntityInput(example: { id: string; name: string }) {
  @InputType()
  abstract class NamedEntity {
    @Field(() => ID, DERIVED_ID('the name', example.id))
    id?: string | null;

    @Field({ description: `The name as written, such as "${example.name}"; lookups also match it ignoring case.` })
    name!: string;

    @Field(() => [String], { nullable: true, description: 'Other names it goes by; lookups match them too.' })
    aliases?: string[] | null;

    @Field(() => Boolean, MIXED_SCRIPTS)
    allowMixedScripts?: boolean | null;
  }
  return NamedEntity;
}

@InputType({ description: 'A brand to create, or to update when its id exists.' })
export class BrandInput extends NamedEntityInput({ id: 'brand:leica', name: 'Leica' }) {
  @Field(() => [BrandRole], { nullable: true, description: 'What it does.' })
  roles?: BrandRole[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as "DE".' })
  country?: string | null;
}

@InputType({ description: 'A chip to create, or to update when its id exists.' })
export class ChipInput extends NamedEntityInput({ id: 'chip:snapdragon-8-gen-1', name: 'Snapdragon 8 Gen 1' }) {
  @Field(() => String, { nullable: true, description: 'The vendor\'s part number, such as "SM8475".' })
  partNumber?: string | null;
}

@InputType({ description: 'A device to create, or to update when its id exists.' })
export class DeviceInput extends NamedEntityInput({ id: 'device:xiaomi-12s-pro', name: 'Xiaomi 12S Pro' }) {
  @Field(() => DeviceStatus, { nullable: true, description: 'RUMORED for a new device unless given.' })
  status?: DeviceStatus | null;

  @Field(() => String, PARTIAL_DATE)
  announcedOn?: string | null;
}

@InputType({ description: 'A source to create, or to update when its id exists.' })
export class SourceInput implements SourceEdit {
  @Field(() => ID, DERIVED_ID('the title', 'source:xiaomi-12s-alleged-image-leaks'))
  id?: string | null;

  @Field({ description: 'Its title or headline.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'Who wrote it, where known.' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) only.' })
  url?: string | null;

  @Field(() => String, PARTIAL_DATE)
  publishedOn?: string | null;
}

/** The provenance every claim needs; required on a new claim, kept from the stored one when omitted. */
@InputType()
class ProvenanceInput {
  @Field(() => Confidence, { nullable: true, description: 'How sure the claim is.' })
  confidence?: Confidence | null;

  @Field(() => String, { ...PARTIAL_DATE, description: 'When the claim was reported: YYYY-MM-DD, YYYY-MM or YYYY.' })
  reportedOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Ids of the sources that assert it; at least one.' })
  sources?: string[] | null;
}

@InputType({ description: 'A partnership to create, or to update when its id exists.' })
export class PartnershipInput extends ProvenanceInput {
  @Field(() => ID, DERIVED_ID('the brand ids', 'partnership:leica-xiaomi'))
  id?: string | null;

  @Field(() => [ID], { description: 'The brands party to it: at least two.' })
  brands!: string[];

  @Field(() => PartnershipKind, { nullable: true, description: 'What it is about.' })
  kind?: PartnershipKind | null;

  @Field(() => String, { nullable: true, description: 'What it is, in a sentence.' })
  summary?: string | null;

  @Field(() => String, PARTIAL_DATE)
  announcedOn?: string | null;

  @Field(() => String, PARTIAL_DATE)
  startedOn?: string | null;

  @Field(() => String, PARTIAL_DATE)
  endedOn?: string | null;
}

@InputType({ description: 'A leak to create, or to update when its id exists.' })
export class LeakInput extends ProvenanceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Random for a new leak unless given, such as "leak:3f9c2a7d1b6e4f08"; never derived from the summary, which may not be public. Give the id to update a leak or to retry a write idempotently.',
  })
  id?: string | null;

  @Field({ description: 'What leaked, in a sentence.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Where it appeared: Weibo, an IMEI database, ...' })
  platform?: string | null;

  @Field(() => String, { nullable: true, description: 'Who leaked it, where known.' })
  tipster?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Ids of the devices it is about: at least one.' })
  devices?: string[] | null;
}

/** Which relationship claims: those of `relation` from one entity to another. */
@InputType()
class ClaimEndsInput implements ClaimEnds {
  @Field(() => Relation, { description: 'The kind of claim.' })
  relation!: Relation;

  @Field(() => ID, { description: 'The id of the entity the claim starts from.' })
  from!: string;

  @Field(() => ID, { description: 'The id of the entity it points to.' })
  to!: string;
}

@InputType({ description: 'A relationship claim: `relation` from one entity to another, with its provenance.' })
export class LinkInput extends ClaimEndsInput implements LinkEdit {
  @Field(() => Confidence, { description: 'How sure the claim is.' })
  confidence!: Confidence;

  @Field({ description: 'YYYY-MM-DD, YYYY-MM or YYYY.' })
  reportedOn!: string;

  @Field(() => [ID], { description: 'Ids of the sources that assert it; at least one. A claim is identified by relation, ends and sources.' })
  sources!: string[];
}

@InputType({ description: 'Which claims to remove: all of `relation` between the two, or only the one citing exactly `sources`.' })
export class UnlinkInput extends ClaimEndsInput implements UnlinkEdit {
  @Field(() => [ID], { nullable: true, description: 'Remove only the claim citing exactly these sources; default: every claim of relation between the two.' })
  sources?: string[] | null;
}

@InputType({
  description:
    'A new claim confirming or denying the existing claims of `relation` between two entities, from a source none of them cites. The old claims stay.',
})
export class ClaimVerdictInput extends ClaimEndsInput implements ClaimVerdictEdit {
  @Field({ description: 'When the confirmation or denial was reported: YYYY-MM-DD, YYYY-MM or YYYY.' })
  reportedOn!: string;

  @Field(() => [ID], { nullable: true, description: 'Existing sources of the new claim.' })
  sources?: string[] | null;

  @Field(() => SourceInput, { nullable: true, description: 'A source to create (or update) and cite, in the same transaction.' })
  newSource?: SourceInput | null;
}

@InputType({ description: "A relationship the leak asserts; it takes the leak's confidence, date and sources unless given." })
export class LeakClaimInput extends ClaimEndsInput {
  @Field(() => Confidence, { nullable: true, description: "How sure the claim is; default: the leak's confidence." })
  confidence?: Confidence | null;
}

@InputType({ description: 'A device attribute the leak reports, such as "identity.codename"; it takes the leak\'s provenance.' })
export class LeakSpecInput {
  @Field(() => ID, { description: 'The id of the device it is about.' })
  device!: string;

  @Field({ description: 'A dotted key such as "display.refreshRateHz".' })
  key!: string;

  @Field({ description: 'The value as reported.' })
  value!: string;

  @Field(() => String, { nullable: true, description: 'The unit of the value, where it has one.' })
  unit?: string | null;

  @Field(() => Confidence, { nullable: true, description: "How sure the spec is; default: the leak's confidence." })
  confidence?: Confidence | null;
}

@InputType({ description: 'A leak, the source it came from and what it claims, written in one transaction.' })
export class RecordLeakInput extends LeakInput implements RecordLeakEdit {
  @Field(() => SourceInput, { description: 'Where the leak was reported; created, or updated when its id exists. Cited by every claim below.' })
  source!: SourceInput;

  @Field(() => [LeakClaimInput], { nullable: true, description: 'Relationship claims the leak makes.' })
  claims?: LeakClaimInput[] | null;

  @Field(() => [LeakSpecInput], { nullable: true, description: 'Device attributes the leak reports.' })
  specs?: LeakSpecInput[] | null;
}

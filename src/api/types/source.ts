import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ObjectType } from 'type-graphql';
import { EntityListArgs } from './asOf.js';
import { createConnectionType } from './connections.js';
import { DatePrecision } from '../../model/enums.js';
import { Node } from './node.js';
import { deprecatedDate } from './partialDate.js';
import { createOrderEnum } from './pagination.js';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'Where a claim comes from: an article, a post, a filing, an editorial note.' })
export class Source extends Node {
  __typename!: 'Source';

  @Field({ description: 'Its title or headline.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Who published it, such as "South China Morning Post".' })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: 'Who wrote it, where known.' })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'Only where known; never guessed.' })
  url!: string | null;

  @Field(() => DateResolver, { nullable: true, description: 'When it was published, where known.', ...deprecatedDate('publishedOn') })
  publishedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How much of publishedOn is known.', ...deprecatedDate('publishedOn') })
  publishedOnPrecision!: DatePrecision | null;
}

export const SourceConnection = createConnectionType('Source', Source);

export const SourceOrder = createOrderEnum('SourceOrder', ['TITLE', 'PUBLISHED_ON'], 'Sources without a publication day come last; ties are broken by id.');
export type SourceOrder = (typeof SourceOrder)[keyof typeof SourceOrder];

@ArgsType()
export class SourcesArgs extends EntityListArgs {
  @Field(() => String, { nullable: true, description: 'Only sources of this publisher (case-insensitive).' })
  publisher?: string | null;

  @Field(() => SourceOrder, { defaultValue: SourceOrder.TITLE_ASC, description: 'The order of the list.' })
  orderBy!: SourceOrder;

  filters() {
    return { publisher: this.publisher ?? null };
  }
}

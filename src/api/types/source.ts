import { DateResolver } from 'graphql-scalars';
import { ArgsType, Field, ObjectType } from 'type-graphql';
import { EntityListArgs } from './asOf.js';
import { createConnectionType } from './connections.js';
import { DatePrecision } from '../../model/enums.js';
import { Node } from './node.js';
import { createOrderEnum } from './pagination.js';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'Where a claim comes from: an article, a post, a filing, an editorial note.' })
export class Source extends Node {
  __typename!: 'Source';

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true })
  author!: string | null;

  @Field(() => String, { nullable: true, description: 'Only where known; never guessed.' })
  url!: string | null;

  @Field(() => DateResolver, { nullable: true })
  publishedOn!: string | null;

  @Field(() => DatePrecision, { nullable: true })
  publishedOnPrecision!: DatePrecision | null;
}

export const SourceConnection = createConnectionType('Source', Source);

export const SourceOrder = createOrderEnum('SourceOrder', ['TITLE', 'PUBLISHED_ON'], 'Sources without a publication day come last; ties are broken by id.');
export type SourceOrder = (typeof SourceOrder)[keyof typeof SourceOrder];

@ArgsType()
export class SourcesArgs extends EntityListArgs {
  @Field(() => String, { nullable: true, description: 'Only sources of this publisher (case-insensitive).' })
  publisher?: string | null;

  @Field(() => SourceOrder, { defaultValue: SourceOrder.TITLE_ASC })
  orderBy!: SourceOrder;

  filters() {
    return { publisher: this.publisher ?? null };
  }
}

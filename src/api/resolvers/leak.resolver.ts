import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { authorize, Role } from '../../model/access.js';
import type { AppContext } from '../context.js';
import { RecordLeakInput } from '../types/inputs.js';
import { Leak } from '../types/leak.js';
import { EDITOR_ONLY } from './entity.resolver.js';

/** recordLeak: a leak with everything it brings, which no other kind has. */
@Resolver(() => Leak)
export class RecordLeakResolver {
  @Mutation(() => Leak, { description: `${EDITOR_ONLY} The leak, its source, its claims and specs in one transaction.` })
  recordLeak(
    @Arg('input', () => RecordLeakInput, { description: 'The leak, its source, claims and specs.' }) input: RecordLeakInput,
    @Ctx() { access, editor }: AppContext,
  ) {
    return editor.recordLeak(input, authorize(access, Role.EDITOR));
  }
}

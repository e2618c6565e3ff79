import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig, ApiKeyRole } from '../config/config.js';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors.js';

/** Who sent a request: the name and role of the API key it carried. The key itself is never kept. */
export interface Caller {
  name: string;
  role: ApiKeyRole;
}

/** What a request presented: no key (a public read), a recognised key, or a key no one issued. */
export type Access = { presented: false } | { presented: true; caller: Caller | null };

/** Roles in increasing power: an admin may do everything an editor may. */
const RANK: Record<ApiKeyRole, number> = { editor: 1, admin: 2 };

/** The roles a resolver can ask `authorize` for. */
export const Role = { EDITOR: 'editor', ADMIN: 'admin' } as const satisfies Record<string, ApiKeyRole>;

/** Finds the caller of a request from its Authorization header. */
export class ApiKeyring {
  constructor(private readonly keys: readonly ApiKeyConfig[]) {}

  /**
   * Compares the SHA-256 digest of the presented key with every configured digest, each comparison
   * in constant time over equal lengths and without stopping at a match, so response times tell
   * nothing about the keys.
   */
  identify(authorization: string | undefined): Access {
    if (authorization === undefined || authorization.trim() === '') return { presented: false };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const digest = createHash('sha256')
      .update(match?.[1] ?? '')
      .digest();
    let caller: Caller | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(digest, key.digest) && match) caller = { name: key.name, role: key.role };
    }
    return { presented: true, caller };
  }
}

/** Throws UNAUTHENTICATED without a recognised key, FORBIDDEN when its role is below `needed`. */
export function authorize(access: Access, needed: ApiKeyRole): Caller {
  if (!access.presented) throw new UnauthenticatedError();
  if (!access.caller) throw new UnauthenticatedError('The API key is not recognised.');
  if (RANK[access.caller.role] < RANK[needed]) {
    throw new ForbiddenError(`This operation needs the ${needed} role; the key "${access.caller.name}" is an ${access.caller.role}.`);
  }
  return access.caller;
}

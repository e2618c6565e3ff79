import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Neo4jError } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { ErrorCode } from '../errors/errors.js';

/** Carries bookmarks both ways: in a mutation's response, and back in any later request, to any replica. */
export const BOOKMARKS_HEADER = 'Neo4j-Bookmarks';

const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[\w:+/=.-]{1,512}$/;

/**
 * Before a request that sends bookmarks runs, waits until the database this replica reads from holds them:
 * read-your-writes across replicas. A malformed or unknown bookmark gets a coded 400, a database that cannot
 * catch up in time a 503.
 */
export function bookmarksFromClient(db: Database): RequestHandler {
  return async (req, res, next) => {
    const header = req.get(BOOKMARKS_HEADER);
    if (header === undefined || header.trim() === '') return next();
    const bookmarks = header.split(',').map((bookmark) => bookmark.trim()).filter((bookmark) => bookmark !== '');
    if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((bookmark) => BOOKMARK.test(bookmark))) {
      res.status(400).json(errorBody(`${BOOKMARKS_HEADER} takes up to ${MAX_BOOKMARKS} bookmarks, separated by commas, as a response gave them`, ErrorCode.BAD_USER_INPUT));
      return;
    }
    try {
      await db.catchUp(bookmarks);
    } catch (error) {
      if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError')) {
        res.status(400).json(errorBody(`${BOOKMARKS_HEADER}: the database does not know these bookmarks`, ErrorCode.BAD_USER_INPUT));
      } else {
        res.status(503).json(errorBody('The graph database has not caught up with these bookmarks; try again shortly.', ErrorCode.SERVICE_UNAVAILABLE));
      }
      return;
    }
    next();
  };
}

function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * A mutation's response carries the bookmarks of the state it left, in `extensions.bookmarks` and the
 * Neo4j-Bookmarks header; `afterMutation` runs once it has committed (the change feed polls at once).
 */
export function bookmarksToClientPlugin(db: Database, afterMutation: () => void): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== 'mutation') return;
          afterMutation();
          const bookmarks = await db.bookmarks();
          response.http.headers.set(BOOKMARKS_HEADER, bookmarks.join(','));
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmarks };
          }
        },
      };
    },
  };
}

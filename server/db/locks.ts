// Every PostgreSQL advisory lock id this app takes, in one place so two uses can never collide and
// every process of the app agrees on them. Advisory locks are database-wide: any other application
// on the same PostgreSQL must not use these numbers.
export const LOCKS = {
  /** Session lock around applying migrations at start (server/db/migrate.ts): one process migrates at a time. */
  migration: 72_707_001,
  /** Transaction lock around every mapping write (server/mapping/mapping-service.ts): writes are serialised across processes. */
  mappingWrite: 72_707_002,
  /** Session lock held by the process running a scrape (server/scraping/run-liveness.ts): tells the others its owner lives. */
  scrapeRun: 72_707_003,
  /** Session lock around creating the first admin (server/auth/auth-service.ts): two setups cannot both win. */
  firstAdmin: 72_707_004,
  /** Transaction lock around every change of a person (server/auth/people-service.ts): the last-admin check sees every earlier change. */
  peopleChange: 72_707_005,
} as const;

-- The price check and the candidate ranking read the snapshot by platform and market key (the
-- primary key), never by canonical market: the partial index only cost every mapped row's write.
DROP INDEX IF EXISTS "snapshot_markets_match_canonical_idx";

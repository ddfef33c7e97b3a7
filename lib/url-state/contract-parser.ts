// nuqs parsers that validate with the contract's own zod schemas: a value the API would refuse
// never reaches a query, and anything invalid in a hand-edited URL falls back to its default.
import { createParser } from "nuqs/server";
import type { z } from "zod";

/** A parser for one query value, read through `schema` (the API's own rule for that parameter). */
export function contractParser<S extends z.ZodType<string | number | undefined>>(schema: S) {
  return createParser<NonNullable<z.output<S>>>({
    parse: (raw) => {
      if (raw === "") return null;
      const parsed = schema.safeParse(raw);
      return parsed.success && parsed.data !== undefined ? (parsed.data as NonNullable<z.output<S>>) : null;
    },
    serialize: String,
  });
}

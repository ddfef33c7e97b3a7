// Text PostgreSQL cannot store: NUL (text and jsonb both refuse it) and lone UTF-16 surrogates
// (jsonb refuses their \u escapes; text gets them silently replaced). Request input containing
// either is refused with the field named, before any schema or database sees it, so no route
// can turn it into a 500 whatever its schema says.
import type { FieldError } from "./errors";

const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSAFE_TEXT_MESSAGE = "must not contain NUL characters or unpaired UTF-16 surrogates";

/** The first string (or object key) in a JSON-like value that PostgreSQL could not store, as a field error. */
export function findUnsafeText(value: unknown, path: string, depth = 0): FieldError | null {
  if (typeof value === "string") return UNSAFE.test(value) ? { field: path, message: UNSAFE_TEXT_MESSAGE } : null;
  if (typeof value !== "object" || value === null || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeText(value[i], `${path}.${i}`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (UNSAFE.test(key)) return { field: path, message: `a key ${UNSAFE_TEXT_MESSAGE}` };
    const hit = findUnsafeText(v, `${path}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

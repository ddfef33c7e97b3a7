// Tests wait on conditions, never on fixed sleeps: poll `check` until it returns a value (anything
// but undefined, null or false), with an outer limit generous enough for a busy two-core machine,
// and fail saying what never happened.
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  limitMs = 60_000,
): Promise<T> {
  for (const deadline = Date.now() + limitMs; ;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`waited ${limitMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Tests wait on conditions, never on fixed sleeps: poll until `check` holds, with an outer limit
// generous enough for a busy two-core machine, and fail with a message saying what never happened.
export async function waitFor<T>(
  check: () => T | Promise<T>,
  message: string,
  { limitMs = 60_000, everyMs = 25 }: { limitMs?: number; everyMs?: number } = {},
): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + limitMs; ; ) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waited ${limitMs} ms: ${message}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

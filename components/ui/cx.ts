/** Class names joined, the falsy ones left out; undefined when none is left. */
export const cx = (...classes: (string | false | null | undefined)[]): string | undefined => classes.filter(Boolean).join(" ") || undefined;

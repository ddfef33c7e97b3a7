// The classes and widths the kit gives a column's cells and <col> from its meta, and the least
// width a list needs so its flexible column (the name) keeps 200 px.
import type { CSSProperties } from "react";
import { cx } from "@/components/ui/cx";
import type { ColumnMeta } from "./features";
import styles from "./data-table.module.css";

const KIND: Record<NonNullable<ColumnMeta["kind"]>, string> = {
  name: styles.name,
  numeric: styles.num,
  mono: styles.mono,
  time: styles.time,
  actions: styles.actions,
};

/** The flexible column's least width: 200 px of text and the cell's padding (10 px a side). */
const FLEXIBLE_MIN = 220;

/** The class that leaves a column out on narrower screens, if any. */
export const hideClass = (meta: ColumnMeta | undefined) => (meta?.wide ? styles.wide : meta?.optional ? styles.optional : undefined);

/** Header and cell classes of a column. */
export const columnClass = (meta: ColumnMeta | undefined) => cx(meta?.kind && KIND[meta.kind], hideClass(meta), meta?.className);

export const colStyle = (meta: ColumnMeta | undefined): CSSProperties | undefined => (meta?.width ? { width: meta.width } : undefined);

/** --fixed-all / --fixed-mid / --fixed-core: the fixed columns' widths with every column, without the wide ones, and without the optional ones too. */
export function fixedWidths(metas: (ColumnMeta | undefined)[]): CSSProperties {
  const sum = (keep: (m: ColumnMeta | undefined) => boolean) => metas.reduce((n, m) => n + (keep(m) ? (m?.width ?? 0) : 0), 0);
  return {
    "--fixed-all": `${sum(() => true) + FLEXIBLE_MIN}px`,
    "--fixed-mid": `${sum((m) => !m?.wide) + FLEXIBLE_MIN}px`,
    "--fixed-core": `${sum((m) => !m?.wide && !m?.optional) + FLEXIBLE_MIN}px`,
  } as CSSProperties;
}

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

/** The flexible column's least width. */
const FLEXIBLE_MIN = 200;

/** Header and cell classes of a column. */
export const columnClass = (meta: ColumnMeta | undefined) =>
  cx(meta?.kind && KIND[meta.kind], meta?.optional && styles.optional, meta?.className);

export const colStyle = (meta: ColumnMeta | undefined): CSSProperties | undefined => (meta?.width ? { width: meta.width } : undefined);

/** --fixed-all / --fixed-core: the fixed columns' widths with and without the optional ones. */
export function fixedWidths(metas: (ColumnMeta | undefined)[]): CSSProperties {
  const all = metas.reduce((n, m) => n + (m?.width ?? 0), 0);
  const core = metas.reduce((n, m) => n + (m?.optional ? 0 : (m?.width ?? 0)), 0);
  return { "--fixed-all": `${all + FLEXIBLE_MIN}px`, "--fixed-core": `${core + FLEXIBLE_MIN}px` } as CSSProperties;
}

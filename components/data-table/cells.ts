// The classes the kit gives a column's cells and <col> from its meta.
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

const WIDTH: Record<NonNullable<ColumnMeta["width"]>, string> = {
  platform: styles.colPlatform,
  id: styles.colId,
  reason: styles.colReason,
  status: styles.colStatus,
  count: styles.colCount,
  time: styles.colTime,
  priority: styles.colPriority,
  actions: styles.colActions,
};

/** Header and cell classes of a column. */
export const columnClass = (meta: ColumnMeta | undefined) => cx(meta?.kind && KIND[meta.kind], meta?.className);

export const colClass = (meta: ColumnMeta | undefined) => cx(meta?.width && WIDTH[meta.width], meta?.colClassName);

// The minimum-cost assignment of rows to columns (the Hungarian algorithm, in the
// shortest-augmenting-path form with potentials): O(n^2 * m) for n rows and m >= n columns, where
// trying every permutation would be O(n!) (12 outcomes: 479 million). Each cell's cost is asked for
// exactly once, so a caller can see that nothing is enumerated.

export interface Assignment {
  /** Per row, the column it is assigned to; null for a row left over when rows > columns. */
  columns: Array<number | null>;
  /** Sum of the assigned cells' costs. */
  cost: number;
}

/** Assigns every row of the smaller side to a distinct column of the larger one, at minimum total cost. */
export function minCostAssignment(rows: number, cols: number, cost: (row: number, col: number) => number): Assignment {
  const matrix = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const c = cost(i, j);
      // A NaN would silently break the potentials' invariants and give a wrong answer.
      if (!Number.isFinite(c)) throw new RangeError(`assignment cost (${i}, ${j}) is not finite`);
      return c;
    }),
  );
  if (rows <= cols) return solve(matrix, rows, cols);
  // More rows than columns: assign the columns into the rows, then read it back per row.
  const transposed = solve(
    Array.from({ length: cols }, (_, j) => matrix.map((row) => row[j])),
    cols,
    rows,
  );
  const columns: Array<number | null> = Array.from({ length: rows }, () => null);
  transposed.columns.forEach((row, col) => {
    if (row !== null) columns[row] = col;
  });
  return { columns, cost: transposed.cost };
}

/** n <= m. Indexes from 1 inside, with row/column 0 as the augmenting path's virtual start. */
function solve(a: number[][], n: number, m: number): Assignment {
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  // owner[j]: the row (1-based) holding column j, 0 for none.
  const owner = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = owner[j0];
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = a[i0 - 1][j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[owner[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0];
      owner[j0] = owner[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const columns: Array<number | null> = new Array<number | null>(n).fill(null);
  let total = 0;
  for (let j = 1; j <= m; j++) {
    if (owner[j] === 0) continue;
    columns[owner[j] - 1] = j - 1;
    total += a[owner[j] - 1][j - 1];
  }
  return { columns, cost: total };
}

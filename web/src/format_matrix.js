// Renders a row-major matrix as nested brackets with four decimals, aligned
// in columns, the way torch prints a float tensor. `column` is where the
// outer bracket starts, so continuation rows line up under the first one.
export function formatMatrix(values, rows, cols, column) {
  const cells = values.map((v) => (Object.is(v, -0) ? 0 : v).toFixed(4));
  const width = Math.max(...cells.map((c) => c.length));
  const lines = [];
  for (let r = 0; r < rows; r++) {
    const row = cells.slice(r * cols, (r + 1) * cols).map((c) => c.padStart(width));
    lines.push(`[${row.join(', ')}]`);
  }
  if (rows === 1) return lines[0];
  return `[${lines.join(`,\n${' '.repeat(column + 1)}`)}]`;
}

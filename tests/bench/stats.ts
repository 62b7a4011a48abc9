export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

export const median = (values: number[]) => quantile(values, 0.5);
export const p95 = (values: number[]) => quantile(values, 0.95);

export interface Row {
  section: string;
  metric: string;
  value: string;
  target?: string;
  verdict?: 'PASS' | 'FAIL' | '';
}

export function printTable(rows: Row[]): void {
  const header: Row = {
    section: 'section',
    metric: 'metric',
    value: 'value',
    target: 'target',
    verdict: '',
  };
  const all = [header, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map((r) => String(r[k] ?? '').length));
  const widths = (['section', 'metric', 'value', 'target', 'verdict'] as const).map(
    (k) => [k, w(k)] as const,
  );
  for (const [i, row] of all.entries()) {
    console.log(
      widths
        .map(([k, width]) => String(row[k] ?? '').padEnd(width))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map(([, width]) => '-'.repeat(width)).join('  '));
  }
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

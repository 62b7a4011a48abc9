// The unit-converter disguise's arithmetic: a handful of everyday units, converted through a
// base unit per category. Temperatures are affine, so they get their own formulas.

export const CATEGORIES = {
  length: {
    base: 'm',
    units: { mm: 0.001, cm: 0.01, m: 1, km: 1000, in: 0.0254, ft: 0.3048, mi: 1609.344 },
  },
  weight: { base: 'kg', units: { g: 0.001, kg: 1, oz: 0.028349523125, lb: 0.45359237 } },
  volume: {
    base: 'l',
    units: { ml: 0.001, l: 1, cup: 0.24, floz: 0.0295735295625, gal: 3.785411784 },
  },
  temperature: { base: 'c', units: { c: 1, f: 1, k: 1 } },
} as const;

export type Category = keyof typeof CATEGORIES;
export type UnitOf<C extends Category> = keyof (typeof CATEGORIES)[C]['units'];

function toCelsius(unit: string, value: number): number {
  if (unit === 'f') return ((value - 32) * 5) / 9;
  if (unit === 'k') return value - 273.15;
  return value;
}

function fromCelsius(unit: string, value: number): number {
  if (unit === 'f') return (value * 9) / 5 + 32;
  if (unit === 'k') return value + 273.15;
  return value;
}

export function convert(category: Category, from: string, to: string, value: number): number {
  if (!Number.isFinite(value)) return Number.NaN;
  if (category === 'temperature') return fromCelsius(to, toCelsius(from, value));
  const units = CATEGORIES[category].units as Record<string, number>;
  const a = units[from];
  const b = units[to];
  if (a === undefined || b === undefined) return Number.NaN;
  return (value * a) / b;
}

/** Up to 10 significant digits, no float artefacts (0.30000000000000004 → 0.3). */
export function formatResult(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-9) return value.toExponential(6).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(10)));
}

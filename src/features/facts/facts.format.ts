// Numbers as people read them: "175B parameters", "2.1×10²⁵ FLOP", "$79M".
import { grouped } from '../../platform/text/grouped.ts';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** Up to `digits` significant digits, trailing zeros dropped: 2.10 -> "2.1", 175.0 -> "175". */
function significant(n: number, digits: number): string {
  return String(Number(n.toPrecision(digits)));
}

/** 2.1e25 -> "2.1×10²⁵". */
export function scientific(n: number, digits = 2): string {
  if (n === 0) return '0';
  const [mantissa, exp] = n.toExponential(digits - 1).split('e') as [string, string];
  const e = String(Number(exp));
  return `${String(Number(mantissa))}×10${[...e].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

const SCALES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 175e9 -> "175B", 1.76e12 -> "1.76T", 8 -> "8"; beyond a thousand trillions, scientific notation. */
export function compact(n: number, digits = 3): string {
  const abs = Math.abs(n);
  if (abs >= 1e15) return scientific(n, digits);
  for (const [scale, suffix] of SCALES) {
    if (abs >= scale) {
      const v = Number((n / scale).toPrecision(digits));
      // 999.9B rounds to 1000B: say 1T instead.
      if (Math.abs(v) >= 1000 && suffix !== 'T') return compact(v * scale * 1.0000001, digits);
      return `${String(v)}${suffix}`;
    }
  }
  return significant(n, digits);
}

/** A fact's value with its unit, as a page shows it. */
export function formatFact(value: number | null, unit: string | null, text: string | null = null): string {
  if (value === null || !Number.isFinite(value)) return text ?? '';
  switch (unit) {
    case 'FLOP':
      return `${scientific(value)} FLOP`;
    case 'USD':
      return `$${compact(value)}`;
    case 'parameters':
    case 'datapoints':
    case 'tokens':
      return `${compact(value)} ${unit}`;
    case 'chips':
      return `${grouped(value)} ${value === 1 ? 'chip' : 'chips'}`;
    case null:
    case '':
      return compact(value);
    default:
      return `${compact(value)} ${unit}`;
  }
}

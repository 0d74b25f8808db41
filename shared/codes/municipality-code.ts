// 全国地方公共団体コード (JIS X 0401/0402): 2-digit prefecture + 3-digit municipality + check digit.

const WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * Check digit for the first five digits: weighted sum mod 11, then 11 minus that, last digit
 * (remainder 0 → 11 → '1', remainder 1 → 10 → '0'). Throws unless given exactly five digits.
 */
export function municipalityCheckDigit(first5: string): string {
  if (!/^\d{5}$/.test(first5)) throw new RangeError(`expected five digits: ${JSON.stringify(first5)}`);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first5[i]), 0);
  return String((11 - (sum % 11)) % 10);
}

/** Six digits whose last digit is the check digit of the first five. */
export function isValidMunicipalityCode(code: string): boolean {
  return /^\d{6}$/.test(code) && municipalityCheckDigit(code.slice(0, 5)) === code.slice(5);
}

/** The 2-digit prefecture code ('11' for 埼玉県) of a municipality code. */
export function prefectureCodeOf(code: string): string {
  return code.slice(0, 2);
}

/**
 * 万元 amounts are kept as decimal strings and computed as integer millionths of 万元 (= 分),
 * so no float ever rounds a fee. 0.000001 万元 = 0.01 元 = 1 分.
 */
export const MONEY_DECIMALS = 6;
const SCALE = 10n ** BigInt(MONEY_DECIMALS);
const MONEY_RE = /^(\d+)(?:\.(\d{1,6}))?$/;

/** Parses a canonical money string ("5884.0157") to 分; null if it is not one. */
export const moneyToFen = (s: string): bigint | null => {
  const m = MONEY_RE.exec(s);
  if (!m) return null;
  const frac = (m[2] ?? '').padEnd(MONEY_DECIMALS, '0');
  return BigInt(m[1]!) * SCALE + BigInt(frac);
};

/** Formats 分 as 万元 without trailing zeros ("5884.0157", "0"). */
export const fenToMoney = (fen: bigint): string => {
  const neg = fen < 0n;
  const v = neg ? -fen : fen;
  const int = v / SCALE;
  const frac = (v % SCALE).toString().padStart(MONEY_DECIMALS, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
};

export const isMoneyString = (s: string): boolean => MONEY_RE.test(s);

/** Normalises a valid money string: drops leading zeros of the integer part, keeps the decimals as written. */
export const normaliseMoney = (s: string): string => {
  const m = MONEY_RE.exec(s);
  if (!m) return s;
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  return m[2] !== undefined ? `${int}.${m[2]}` : int;
};

export const addMoney = (a: string, b: string): string => {
  const x = moneyToFen(a);
  const y = moneyToFen(b);
  if (x === null || y === null) throw new Error(`金额格式错误：${x === null ? a : b}`);
  return fenToMoney(x + y);
};

/** 1 万元 = 1 000 000 分. */
export const FEN_PER_WAN = 1_000_000n;

/** A money cell's value in 分: a decimal string of 万元, or a whole number of 万元 as some files hold it; else null. */
export const valueToFen = (v: number | string | null | undefined): bigint | null =>
  typeof v === 'string' ? moneyToFen(v) : typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) * FEN_PER_WAN : null;

// Reads the one number in a human-written text: "1,234,567 users", "#1.234", "12K", "−12".
// Shared by the HTML metric source and the rank scrapers. It answers null rather than guess.
//
// The rules, in order:
// 1. The text must hold exactly one number. Any other digit left in the text ("as of 2026",
//    "v2", "2026-01-20") makes the answer null: we cannot tell which number was meant.
// 2. A number followed by "%" is a share, not a count: null.
// 3. A sign ("-", "+", or the Unicode minus "−") counts only right before the digits and not
//    after a letter or digit ("COVID-19" is no negative number). "#" and currency signs before the
//    number are surrounding text.
// 4. Separators:
//    - spaces (normal, no-break U+00A0, narrow no-break U+202F, thin U+2009) group thousands only:
//      "1 234 567"; a "," or "." after such groups is the decimal mark ("1 234,5");
//    - both "," and "." present: the last one is the decimal mark and must appear once, the other
//      must group thousands properly ("1,234.5", "1.234.567,89");
//    - the same mark several times groups thousands: "1,234,567" and "1.234.567";
//    - one "," before exactly three digits groups thousands ("1,234" = 1234, the English
//      convention); before any other count of digits it is a decimal comma ("12,5" = 12.5);
//    - one "." is a decimal point ("1.5", "1.234" = 1.234) unless `integer` is set, the number
//      has no suffix and exactly three digits follow 1–3 leading digits: then it groups
//      thousands, as European pages write counts ("1.234" = 1234).
//    Thousands groups have 1–3 digits first (not a lone "0") and exactly 3 after; anything else
//    ("1,23,4", "1.2.3") is null.
// 5. Suffixes multiply: K/k = thousand, M/m = million, B/b/bn = billion, and the words
//    "thousand", "million", "billion" ("1.2 million"). A letter suffix sits right after the digits.
// 6. With `integer`, a result that is not a safe integer is null ("1.5" or "1.2345K").
export type ParseNumberOptions = {
  /** The text counts something: read "1.234" as 1234 and refuse fractions. */
  integer?: boolean;
};

const spaces = " \u00A0\u202F\u2009";
const candidate = new RegExp(
  // Not inside a word, a longer number or a date.
  `(?<![\\p{L}\\p{N}.,+\\-\u2212])` +
    `([+\\-\u2212]?)` +
    // Space-grouped thousands (with an optional decimal part), or digits with "," and ".".
    `([1-9]\\d{0,2}(?:[${spaces}]\\d{3})+(?:[.,]\\d+)?(?!\\d|[.,]\\d)|\\d+(?:[.,]\\d+)*)` +
    `(?:(k|m|b|bn)|[${spaces}]?(thousand|million|billion))?` +
    `(?![\\p{L}\\p{N}])`,
  "giu",
);

const exponents: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
};

/** The one number in `text`, or null when there is none, several, or it is ambiguous. */
export function parseNumber(text: string, options: ParseNumberOptions = {}): number | null {
  const matches = [...text.matchAll(candidate)];
  if (matches.length !== 1) return null;
  const match = matches[0]!;
  const [whole, sign, digits, letterSuffix, wordSuffix] = match;
  const rest = text.slice(0, match.index) + " " + text.slice(match.index + whole.length);
  if (/\p{N}/u.test(rest)) return null;
  if (/^\s*%/.test(text.slice(match.index + whole.length))) return null;

  const suffix = (letterSuffix ?? wordSuffix)?.toLowerCase();
  const decimal = normalizeDigits(digits!, { ...options, suffixed: suffix !== undefined });
  if (decimal === null) return null;
  const exponent = suffix ? exponents[suffix]! : 0;
  const magnitude = Number(`${decimal}e${exponent}`);
  const value = sign === "-" || sign === "\u2212" ? -magnitude : magnitude;
  if (!Number.isFinite(value)) return null;
  if (options.integer && !Number.isSafeInteger(value)) return null;
  return value === 0 ? 0 : value;
}

/** "1,234.5" → "1234.5"; null when the separators do not follow one of the rules above. */
function normalizeDigits(
  digits: string,
  options: ParseNumberOptions & { suffixed: boolean },
): string | null {
  const spaceGroups = digits.split(/[ \u00A0\u202F\u2009]/);
  if (spaceGroups.length > 1) {
    // The regular expression has already checked the groups; the last may carry decimals.
    return spaceGroups.join("").replace(",", ".");
  }
  const commas = count(digits, ",");
  const dots = count(digits, ".");
  if (commas === 0 && dots === 0) return digits;
  if (commas > 0 && dots > 0) {
    const mark = digits.lastIndexOf(",") > digits.lastIndexOf(".") ? "," : ".";
    if (count(digits, mark) !== 1) return null;
    const [whole, fraction] = digits.split(mark) as [string, string];
    const grouped = ungroup(whole, mark === "," ? "." : ",");
    return grouped === null ? null : `${grouped}.${fraction}`;
  }
  const mark = commas > 0 ? "," : ".";
  if (count(digits, mark) > 1) return ungroup(digits, mark);
  const [whole, fraction] = digits.split(mark) as [string, string];
  const thousands =
    fraction.length === 3 &&
    isLeadingGroup(whole) &&
    (mark === "," || (options.integer === true && !options.suffixed));
  return thousands ? whole + fraction : `${whole}.${fraction}`;
}

/** "1,234,567" → "1234567" when every group after the first has three digits. */
function ungroup(digits: string, mark: string): string | null {
  const [first, ...groups] = digits.split(mark) as [string, ...string[]];
  if (groups.length > 0 && !isLeadingGroup(first)) return null;
  if (groups.some((group) => !/^\d{3}$/.test(group))) return null;
  return first + groups.join("");
}

function isLeadingGroup(digits: string): boolean {
  return /^[1-9]\d{0,2}$/.test(digits);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

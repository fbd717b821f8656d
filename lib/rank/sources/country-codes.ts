// Countries as rank pages name them: an ISO 3166-1 alpha-2 code ("NZ"), a link ending in one
// ("/topsites/countries/NZ"), or an English name ("New Zealand"), read with Intl.DisplayNames so
// that no table of 250 names lives here. Retired codes read as today's (UK → GB).

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** Codes Intl names that are no country: unions, pseudo-locales, "Unknown Region". */
const notCountries = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

/** Names pages used that Intl spells otherwise today. */
const formerNames: Record<string, string> = {
  "czech republic": "CZ",
  "russian federation": "RU",
  "korea, republic of": "KR",
  "republic of korea": "KR",
  "viet nam": "VN",
  "iran, islamic republic of": "IR",
  "taiwan, province of china": "TW",
  "hong kong": "HK",
  macau: "MO",
  macao: "MO",
  turkey: "TR",
  macedonia: "MK",
  swaziland: "SZ",
  burma: "MM",
  myanmar: "MM",
  palestine: "PS",
  "democratic republic of the congo": "CD",
  "republic of the congo": "CG",
  "ivory coast": "CI",
  usa: "US",
  "great britain": "GB",
};

/** Today's code for a two-letter code, or null when it names no country. */
function canonicalCode(code: string): string | null {
  let region: string | undefined;
  try {
    region = new Intl.Locale(`und-${code.toUpperCase()}`).region;
  } catch {
    return null;
  }
  if (!region || notCountries.has(region) || regionNames.of(region) === undefined) return null;
  return region;
}

/** "Côte d’Ivoire" and "cote d'ivoire", "St. Kitts & Nevis" and "st kitts and nevis" alike. */
function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[.'\u2019()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

let codesByName: Map<string, string> | undefined;

function nameIndex(): Map<string, string> {
  if (codesByName) return codesByName;
  codesByName = new Map();
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (canonicalCode(code) !== code) continue;
      codesByName.set(normaliseName(regionNames.of(code)!), code);
    }
  }
  for (const [name, code] of Object.entries(formerNames)) codesByName.set(name, code);
  return codesByName;
}

/** The upper-case code of the country `text` names, or null when it names none we know. */
export function countryCodeOf(text: string): string | null {
  const clean = text.trim();
  if (/^[A-Za-z]{2}$/.test(clean)) return canonicalCode(clean);
  const linked = /[/=]([A-Za-z]{2})\/?$/.exec(clean);
  if (linked) return canonicalCode(linked[1]!);
  return nameIndex().get(normaliseName(clean)) ?? null;
}

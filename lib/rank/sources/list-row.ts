// The checks every downloaded list applies to its rows: a rank is a whole number from 1, a domain
// a host name without blanks, quotes or commas. A row that fails them refuses the whole list.
// Lists are lower case already; the patterns try that first, as lowering a million names costs
// more than the rest of the check.

const lowerLine = /^([1-9]\d{0,8}),([^\sA-Z,"]+)\r?$/;
const anyLine = /^([1-9]\d{0,8}),([^\s,"]+)\r?$/;

/** A "rank,domain" line (a CRLF line's "\r" allowed) checked; null when it is no such line. */
export function parseListLine(line: string): { rank: number; domain: string } | null {
  const lower = lowerLine.exec(line);
  if (lower) return { rank: Number(lower[1]), domain: lower[2]! };
  const any = anyLine.exec(line);
  return any ? { rank: Number(any[1]), domain: any[2]!.toLowerCase() } : null;
}

/** A row's two fields checked as one "rank,domain" line. */
export function parseRankAndDomain(record: string[]): { rank: number; domain: string } | null {
  return record.length === 2 ? parseListLine(`${record[0]},${record[1]}`) : null;
}

/** A row as an error message shows it: quoted, and cut short when long. */
export function quoteRow(text: string, limit = 80): string {
  return JSON.stringify(text.length > limit ? `${text.slice(0, limit)}…` : text);
}

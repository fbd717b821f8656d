// The chart's series as a CSV file: the same URL with format=csv.
export function CsvLink({ href, what }: { href: string; what: string }) {
  const name = new URLSearchParams(href.split("?")[1] ?? "").get("metric") ?? "series";
  return (
    <a
      href={href}
      download={`${name}.csv`}
      className="button button--ghost button--small"
      aria-label={`Download the ${what} as CSV`}
    >
      CSV
    </a>
  );
}

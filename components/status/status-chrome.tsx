// The page's own header and footer: the service's name, and where else the status can be read
// (feeds and the Statuspage-compatible API).

export function StatusHeader({ name }: { name: string }) {
  return (
    <header className="status-header">
      <a className="status-header__brand" href="/status">
        <svg className="status-header__mark" viewBox="0 0 24 24" aria-hidden="true">
          <rect width="24" height="24" rx="6" />
          <path d="M12 4c2.4 2 3.6 4.8 3.6 8l-1.6 3.2h-4L8.4 12c0-3.2 1.2-6 3.6-8Zm0 5.2a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4Z" />
        </svg>
        <span>
          <span className="status-header__name">{name}</span>
          <span className="status-header__eyebrow">Status</span>
        </span>
      </a>
      <a className="status-header__subscribe" href="/feed/incidents.atom">
        Subscribe to updates
      </a>
    </header>
  );
}

export function StatusFooter({ timeZone }: { timeZone: string }) {
  return (
    <footer className="status-footer">
      <nav aria-label="Other ways to follow this status" className="status-footer__links">
        <a href="/feed/incidents.atom">Atom feed</a>
        <a href="/feed/incidents.rss">RSS feed</a>
        <a href="/api/v2/summary.json">Status API (JSON)</a>
      </nav>
      <p className="status-footer__note">
        Times are in {timeZone === "UTC" ? "UTC" : timeZone.replace(/_/g, " ")}. Powered by Liftoff.
      </p>
    </footer>
  );
}

import { escapeHtml, formatCount, html, type Route } from "../http";
import { usersAt } from "../model/users";
import type { Scenario } from "../scenario";
import { overloadedPage } from "./unavailable";

function renderPage(scenario: Scenario, title: string, main: string): string {
  const name = escapeHtml(scenario.service.name);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} · ${name}</title></head>
<body>
<header><a href="/" class="brand">${name}</a></header>
<main>
${main}
</main>
</body>
</html>
`;
}

const homepage: Route = {
  pattern: "/",
  example: "/",
  summary: "homepage with the keyword; a 502 'Server overloaded' page when down",
  gate: { component: "web", unavailable: overloadedPage },
  handle: (request, { scenario }) => {
    const name = escapeHtml(scenario.service.name);
    const users = formatCount(usersAt(scenario, request.t));
    return html(
      renderPage(
        scenario,
        "Secure cloud storage",
        `<h1>${name}: your files, everywhere</h1>
<p>Store, sync and share with end-to-end encryption. 50 GB free.</p>
<p class="social-proof">Join <span class="user-count">${users}</span> people already using ${name}.</p>
<a href="/signup" class="cta">Sign up free</a>`,
      ),
    );
  },
};

const statsPage: Route = {
  pattern: "/stats",
  example: "/stats",
  summary: 'HTML page with "1,234,567 users" in #user-count',
  gate: { component: "web", unavailable: overloadedPage },
  handle: (request, { scenario }) => {
    const users = formatCount(usersAt(scenario, request.t));
    return html(
      renderPage(
        scenario,
        "Live stats",
        `<h1>Live stats</h1>
<p><strong id="user-count" class="user-count">${users} users</strong> and counting.</p>
<p class="updated">As of <time datetime="${request.t.toISOString()}">${request.t.toUTCString()}</time></p>`,
      ),
    );
  },
};

export const servicePageRoutes: Route[] = [homepage, statsPage];

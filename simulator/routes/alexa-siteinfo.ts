import { escapeHtml, formatCount, html, type Route } from "../http";
import { publishedAt } from "../model/ranks";
import { describeAlexa, normaliseSite, type AlexaView, type CountryRank } from "./alexa-view";
import { withLastModified } from "./last-modified";

function formatRank(rank: number | null): string {
  return rank === null ? "-" : formatCount(rank);
}

function flag({ code, name }: CountryRank, className: string): string {
  return `<img class="${className}" src="/images/flags/${code.toLowerCase()}.png" alt="${name} Flag" title="${name}">`;
}

/** The siteinfo page as alexa.com served it around 2017. */
function renderLayout2017(view: AlexaView): string {
  const top = view.countries[0];
  const countryRank = top
    ? `<span class="countryRank"><span class="col-pad">
<h4 class="metrics-title">Rank in <a href="/topsites/countries/${top.code}">${top.name}</a></h4>
<div>${flag(top, "img-inline")}<strong class="metrics-data align-vmiddle">${formatCount(top.rank)}</strong></div>
</span></span>`
    : "";
  const rows = view.countries
    .map(
      (country) => `<tr>
<td><a href="/topsites/countries/${country.code}">${flag(country, "dynamic-icon")}&nbsp;${country.name}</a></td>
<td><span>${formatCount(country.rank)}</span></td>
</tr>`,
    )
    .join("\n");
  return `<section class="row-fluid siteinfo-traffic-rank" id="traffic-rank-content">
<div class="rank-row">
<span class="globleRank"><span class="col-pad">
<h4 class="metrics-title">Global Rank</h4>
<div><img class="img-inline" src="/images/icons/globe-sm.jpg" alt="Global rank icon"><strong class="metrics-data align-vmiddle">${formatRank(view.rank)}</strong></div>
</span></span>
${countryRank}
</div>
</section>
<section id="visitors-content">
<h4 class="metrics-title">Visitors by Country</h4>
<table class="table" id="demographics_div_country_table">
<thead><tr><th>Country</th><th>Rank in Country</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

/** The older siteinfo page, around 2013: values in div.data, captions in div.label. */
function renderLayout2013(view: AlexaView): string {
  const countryBlocks = view.countries
    .map(
      (country) => `<div class="country-rank">
<div class="data">${flag(country, "dynamic-icon")}${formatCount(country.rank)}</div>
<div class="label">Traffic Rank in <a href="/topsites/countries/${country.code}" title="${country.name}">${country.code}</a></div>
</div>`,
    )
    .join("\n");
  const trend = view.delta === null ? "" : view.delta < 0 ? " up" : " down";
  return `<div id="rank">
<div class="data${trend}"><img src="/images/icons/globe-sm.jpg" alt="Global">${formatRank(view.rank)}</div>
<div class="label">Alexa Traffic Rank</div>
</div>
${countryBlocks}`;
}

export const alexaSiteinfoRoutes: Route[] = [
  {
    pattern: /^\/alexa\/siteinfo\/(?<domain>[^/]+)$/,
    example: "/alexa/siteinfo/stashbox.test",
    summary: "alexa.com siteinfo page (default 2017 layout, ?layout=2013 for the older one)",
    handle: ({ t, params, query }, { scenario }) => {
      const published = publishedAt(scenario, "alexa", t);
      const view = describeAlexa(scenario, normaliseSite(params.domain!), t);
      const render = query.get("layout") === "2013" ? renderLayout2013 : renderLayout2017;
      const site = escapeHtml(view.domain);
      const page = html(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${site} Traffic, Demographics and Competitors - Alexa</title></head>
<body>
<h1>${site}</h1>
${render(view)}
</body>
</html>
`);
      return withLastModified(page, published);
    },
  },
];

import { escapeHtml, respond, type Route } from "../http";
import { publishedAt } from "../model/ranks";
import { describeAlexa, normaliseSite } from "./alexa-view";
import { withLastModified } from "./last-modified";

function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}

export const alexaDataRoutes: Route[] = [
  {
    pattern: "/alexa/data",
    example: "/alexa/data?cli=10&url=stashbox.test",
    summary: "data.alexa.com XML: POPULARITY TEXT is the global rank (absent when unranked)",
    handle: ({ t, query }, { scenario }) => {
      const view = describeAlexa(scenario, normaliseSite(query.get("url") ?? ""), t);
      const site = escapeHtml(`${view.domain}/`);
      const top = view.countries[0];
      const details =
        view.rank === null
          ? ""
          : `<SD><POPULARITY URL="${site}" TEXT="${view.rank}" SOURCE="panel"/>` +
            `<REACH RANK="${Math.round(view.rank * 0.92)}"/>` +
            (view.delta === null ? "" : `<RANK DELTA="${formatDelta(view.delta)}"/>`) +
            (top ? `<COUNTRY CODE="${top.code}" NAME="${top.name}" RANK="${top.rank}"/>` : "") +
            "</SD>";
      const xml =
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<ALEXA VER="0.9" URL="${site}" HOME="0" AID="=" IDN="${site}">${details}</ALEXA>`;
      const answer = respond(200, "text/xml; charset=utf-8", xml);
      return withLastModified(answer, publishedAt(scenario, "alexa", t));
    },
  },
];

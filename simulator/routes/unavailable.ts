import { html, json, respond, type SimResponse } from "../http";

/** The load balancer's page while the app is down; it does not name the service. */
export function overloadedPage(): SimResponse {
  return html(
    "<!doctype html><html><head><title>502 Bad Gateway</title></head><body>" +
      "<h1>502 Bad Gateway</h1><p>Server overloaded. Please try again in a few minutes.</p>" +
      "</body></html>",
    502,
  );
}

export function unavailableJson(): SimResponse {
  return json({ status: "unavailable" }, 503);
}

export function unavailableText(): SimResponse {
  return respond(503, "text/plain; charset=utf-8", "Service Unavailable\n");
}

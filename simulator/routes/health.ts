import type { Component } from "../scenario";
import { json, type Route } from "../http";
import { unavailableJson } from "./unavailable";

function healthRoute(path: string, component: Component, summary: string): Route {
  return {
    pattern: path,
    example: path,
    summary,
    gate: { component, unavailable: unavailableJson },
    handle: () => json({ status: "ok" }),
  };
}

export const healthRoutes: Route[] = [
  healthRoute("/health", "web", "service health: 503 when down, delayed when slow"),
  healthRoute("/api/health", "api", "API health"),
  healthRoute("/uploads/health", "uploads", "uploads health"),
];

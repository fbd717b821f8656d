// A QueryClient per server request: pages prefetch into it, then dehydrate it for the browser.
import "server-only";
import { cache } from "react";
import { makeQueryClient } from "./query-client";

export const getServerQueryClient = cache(makeQueryClient);

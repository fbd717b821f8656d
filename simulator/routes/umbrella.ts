import type { Route } from "../http";
import { respondWithZippedList } from "./zipped-list";

export const umbrellaRoutes: Route[] = [
  {
    pattern: "/umbrella/top-1m.csv.zip",
    example: "/umbrella/top-1m.csv.zip",
    summary: "Cisco Umbrella list: zip of top-1m.csv, rank,domain, hosts included",
    handle: ({ t }, context) => respondWithZippedList(context, "umbrella", t, "\n"),
  },
];

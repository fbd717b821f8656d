// What founders may send to decide on a post, checked at the edge; every refusal names the field.
import { z } from "zod";
import { httpUrl } from "@/lib/config/fields";

export const approvePostSchema = z.strictObject({
  /** The text as edited; without it the recorded text is approved. */
  text: z
    .string()
    .trim()
    .min(1, "a text")
    .max(10_000, "a text of at most 10,000 characters")
    .optional(),
});

/** Cancel and retry take no fields; the JSON body keeps cross-site form posts out. */
export const noFieldsSchema = z.strictObject({});

export const reconcilePostSchema = z.discriminatedUnion("outcome", [
  z.strictObject({
    outcome: z.literal("posted"),
    /** Where the post lives on the network, when the founder found it. */
    url: httpUrl.max(2_000).optional(),
    externalId: z.string().trim().min(1).max(200, "an id of at most 200 characters").optional(),
  }),
  z.strictObject({ outcome: z.literal("not-posted") }),
]);

export type ApprovePostInput = z.output<typeof approvePostSchema>;
export type ReconcilePostInput = z.output<typeof reconcilePostSchema>;

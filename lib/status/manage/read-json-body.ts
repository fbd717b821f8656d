// A founder's write arrives as JSON. Anything else is a 422 that says so; asking for the JSON
// content type also keeps plain cross-site form posts out (they cannot send it without CORS).
import { PayloadTooLargeError, ValidationError } from "@/lib/errors";

const MAX_BYTES = 64 * 1024;

export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ValidationError(
      `body: expected JSON (Content-Type: application/json), found ${JSON.stringify(type || "none")}`,
    );
  }
  const text = await request.text();
  if (text.length > MAX_BYTES) throw new PayloadTooLargeError("The body is over 64 KiB.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("body: expected a JSON object, found text that is not JSON");
  }
}

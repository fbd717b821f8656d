/**
 * Reads a body to bytes, refusing it past `maxBytes`: by its declared Content-Length first, then
 * while reading, so a large answer is never held whole. `tooLarge` makes the error to throw.
 */
export async function readLimited(
  message: { headers: Headers; body: ReadableStream<Uint8Array> | null },
  maxBytes: number,
  tooLarge: (declared: number | null) => Error,
): Promise<Buffer> {
  const declared = Number(message.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    throw tooLarge(declared);
  }
  const reader = message.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(null);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

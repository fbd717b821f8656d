// One file out of a zip archive as it downloads: fflate's streaming Unzip inflates each chunk as
// it arrives, so only a chunk's worth of the list is ever held. A zip that is not one, lacks the
// file, is corrupt or ends early is refused as a "parse" SourceError.
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { SourceError } from "@/lib/errors";

const localFileHeader = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": every zip starts with one

export async function* unzipEntry(
  chunks: AsyncIterable<Uint8Array>,
  entry: string,
  source: string,
): AsyncGenerator<Uint8Array> {
  const fail = (message: string): never => {
    throw new SourceError("parse", source, message);
  };
  /** What fflate reported about `entry` during the last push. */
  const found = { names: [] as string[], out: [] as Uint8Array[], ended: false, error: "" };
  const unzip = new Unzip((file: UnzipFile) => {
    const wanted = file.name === entry && !found.names.includes(entry);
    found.names.push(file.name);
    // Other files are inflated and dropped: an unstarted file would be buffered whole.
    file.ondata = (error, data, final) => {
      if (!wanted) return;
      if (error) found.error ||= error.message;
      else {
        if (data.length > 0) found.out.push(data);
        if (final) found.ended = true;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const corrupt = () => fail(`${entry} in the zip is corrupt: ${found.error}`);
  const truncated = () => fail(`the zip is truncated: ${entry} ends early`);

  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (!localFileHeader.every((byte, i) => chunk[i] === byte || i >= chunk.length))
        fail(`the answer is not a zip archive (it should hold ${entry})`);
    }
    push(unzip, chunk, false, entry, fail);
    if (found.error) corrupt();
    const ready = found.out;
    found.out = [];
    yield* ready;
  }
  if (first) fail(`the answer is empty, not a zip archive holding ${entry}`);
  // Closing a zip cut inside a file is an error to fflate: that is a truncated zip.
  const cut = found.names.includes(entry) && !found.ended;
  push(unzip, new Uint8Array(0), true, entry, cut ? truncated : fail);
  if (found.error) corrupt();
  yield* found.out;
  if (!found.names.includes(entry)) {
    const held = found.names.length ? found.names.join(", ") : "nothing";
    fail(`the zip holds no ${entry} (it holds ${held})`);
  }
  if (!found.ended) truncated();
}

function push(
  unzip: Unzip,
  chunk: Uint8Array,
  final: boolean,
  entry: string,
  fail: (message: string) => never,
): void {
  try {
    unzip.push(chunk, final);
  } catch (error) {
    fail(`the zip holding ${entry} is corrupt: ${(error as Error).message}`);
  }
}

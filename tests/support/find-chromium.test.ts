import { describe, expect, it } from "vitest";
import { type ChromiumSources, findChromium, noChromium } from "./find-chromium";

/** A machine with the given files, packaged browser and rights; records what was done. */
function machine(
  options: {
    files?: string[];
    packaged?: string | null;
    packagedFailure?: string | null;
    root?: boolean;
    installs?: string[];
  } = {},
) {
  const files = new Set(options.files ?? []);
  const done: string[] = [];
  const sources: ChromiumSources = {
    exists: (file) => files.has(file),
    packaged: async () => {
      done.push("unpack");
      return options.packaged ?? null;
    },
    failsToStart: async (file) => {
      done.push(`start ${file}`);
      return options.packagedFailure ?? null;
    },
    canInstall: () => options.root ?? false,
    install: () => {
      done.push("apt-get install chromium");
      for (const file of options.installs ?? []) files.add(file);
    },
    log: (line) => done.push(`log: ${line}`),
  };
  return { sources, done };
}

describe("findChromium", () => {
  it("takes CHROMIUM_PATH as given, and stops at once when it is missing", async () => {
    const { sources, done } = machine({ files: ["/opt/chrome"], root: true });
    await expect(findChromium({ CHROMIUM_PATH: "/opt/chrome" }, sources)).resolves.toMatchObject({
      path: "/opt/chrome",
    });
    await expect(findChromium({ CHROMIUM_PATH: "/opt/none" }, sources)).rejects.toThrow(
      `CHROMIUM_PATH=/opt/none does not exist. ${noChromium}`,
    );
    expect(done).toEqual([]);
  });

  it("takes Debian's when it is there, touching nothing else", async () => {
    const { sources, done } = machine({ files: ["/usr/bin/chromium"], packaged: "/tmp/chromium" });
    await expect(findChromium({}, sources)).resolves.toEqual({
      path: "/usr/bin/chromium",
      description: "Debian's chromium at /usr/bin/chromium",
    });
    expect(done).toEqual([]);
  });

  it("takes the packaged one without Debian's, once it has seen it start", async () => {
    const { sources, done } = machine({ packaged: "/tmp/chromium", root: true });
    await expect(findChromium({}, sources)).resolves.toMatchObject({ path: "/tmp/chromium" });
    expect(done).toEqual(["unpack", "start /tmp/chromium"]);
  });

  it("installs Debian's as root when the packaged one does not start, and says so", async () => {
    const { sources, done } = machine({
      packaged: "/tmp/chromium",
      packagedFailure: "libnss3.so: cannot open shared object file",
      root: true,
      installs: ["/usr/bin/chromium"],
    });
    await expect(findChromium({}, sources)).resolves.toMatchObject({ path: "/usr/bin/chromium" });
    expect(done).toEqual([
      "unpack",
      "start /tmp/chromium",
      "log: @sparticuz/chromium does not start here (libnss3.so: cannot open shared object file)",
      "log: No Chromium here: installing Debian's (apt-get install chromium)",
      "apt-get install chromium",
    ]);
  });

  it("stops with how to get one when nothing is there and it may not install", async () => {
    const { sources, done } = machine({ root: false });
    await expect(findChromium({}, sources)).rejects.toThrow(noChromium);
    expect(done).toEqual(["unpack"]);
  });

  it("stops too when the install brought no browser where it looks", async () => {
    const { sources } = machine({ root: true, installs: ["/usr/bin/chromium"] });
    await expect(
      findChromium({ TEST_DEBIAN_CHROMIUM: "/nowhere/chromium" }, sources),
    ).rejects.toThrow(noChromium);
  });
});

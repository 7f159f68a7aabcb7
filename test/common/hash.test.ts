// The shared hashes (src/common/hash.ts): the digests Node's crypto gives, for text and bytes alike,
// since manifests, cache keys and leaf stores written by one run are compared by the next.
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { checksum, sha1Base64, sha256 } from "../../src/common/hash.js";

describe("hashes", () => {
  it.each([
    { given: "", sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", sha1: "2jmj7l5rSw0yVb/vlWAYkK/YBwk=" },
    { given: "abc", sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", sha1: "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=" },
  ])("gives the standard digests of $given", ({ given, sha256: want256, sha1: want1 }) => {
    expect(sha256(given)).toBe(want256);
    expect(sha1Base64(given)).toBe(want1);
  });

  it("hashes a text as its UTF-8 bytes, as a Hash object does", () => {
    for (const text of ["plain", "naïve – ✓", "emoji 😀 and\nlines\r\n", "x".repeat(100_000)]) {
      const bytes = Buffer.from(text, "utf8");
      expect(sha256(text)).toBe(crypto.createHash("sha256").update(text).digest("hex"));
      expect(sha256(bytes)).toBe(sha256(text));
      expect(sha1Base64(new Uint8Array(bytes))).toBe(crypto.createHash("sha1").update(bytes).digest("base64"));
    }
  });
});

/**
 * hash.ts loaded afresh with one export of a Node module taken away, as on an earlier Node 20
 * release. `node:zlib` comes through lazyPackage (loaded on first use), so that is what gives it.
 */
async function hashWithout(module: "node:crypto" | "node:zlib", name: string): Promise<typeof import("../../src/common/hash.js")> {
  const real = await vi.importActual<Record<string, unknown>>(module);
  const without = { ...real, [name]: undefined };
  // hash.ts takes both through lazy-package.ts (node:crypto at once, node:zlib when first used).
  const lazyPackagePath = "../../src/common/lazy-package.js";
  vi.resetModules();
  const actual = await vi.importActual<typeof import("../../src/common/lazy-package.js")>(lazyPackagePath);
  vi.doMock(lazyPackagePath, () => ({
    lazyPackage: (id: string) => (id === module ? () => without : actual.lazyPackage(id)),
    nodeModule: (id: string) => (id === module ? without : actual.nodeModule(id)),
  }));
  try {
    return await import("../../src/common/hash.js");
  } finally {
    vi.doUnmock(lazyPackagePath);
    vi.resetModules();
  }
}

describe("hashes on a Node 20 release without crypto.hash", () => {
  it("build a Hash object and give the same digests", async () => {
    const fallback = await hashWithout("node:crypto", "hash");
    for (const text of ["", "abc", "naïve – ✓"]) {
      expect(fallback.sha256(text)).toBe(sha256(text));
      expect(fallback.sha1Base64(Buffer.from(text))).toBe(sha1Base64(text));
    }
    expect(fallback.sha256).not.toBe(sha256);
  });
});

describe("checksum", () => {
  it("is the bytes' CRC-32 (the standard check value of 123456789), named", () => {
    expect(checksum(Buffer.from("123456789"))).toBe("crc32:cbf43926");
    expect(checksum(new Uint8Array())).toBe("crc32:0");
  });

  it("tells bytes cut short or changed from the bytes written", () => {
    const bytes = Buffer.from("x".repeat(10_000));
    const changed = Buffer.from(bytes);
    changed[5_000] = 0x79;
    expect(new Set([checksum(bytes), checksum(bytes.subarray(0, 9_999)), checksum(changed)]).size).toBe(3);
  });

  it("is sha1, named, on a Node 20 release without zlib.crc32", async () => {
    const fallback = await hashWithout("node:zlib", "crc32");
    expect(fallback.checksum(Buffer.from("abc"))).toBe(`sha1:${sha1Base64("abc")}`);
    expect(fallback.checksum([Buffer.from("a"), Buffer.from("bc")])).toBe(`sha1:${sha1Base64("abc")}`);
  });

  it.each([
    { name: "two halves", parts: ["1234", "56789"] },
    { name: "empty parts among them", parts: ["", "123", "", "456789", ""] },
    { name: "one part", parts: ["123456789"] },
  ])("of bytes in parts ($name) is the bytes' joined", ({ parts }) => {
    expect(checksum(parts.map((p) => Buffer.from(p)))).toBe("crc32:cbf43926");
  });
});

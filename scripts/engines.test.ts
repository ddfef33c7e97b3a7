// package.json says which Node the project runs on (engines.node); every installed package must
// run there too, or `npm ci` warns and the package may use APIs that Node lacks. (Seen:
// @axe-core/playwright 4.14 wants Node 22.12 while the project and CI run 20.)
import fs from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(`../${file}`, import.meta.url), "utf8"));

describe("engines", () => {
  it("every package in the lock file runs on the lowest Node that package.json's engines admit", () => {
    const lowest = semver.minVersion(read("package.json").engines.node)!.version;
    const packages = read("package-lock.json").packages as Record<string, { engines?: { node?: string } }>;
    const refusing = Object.entries(packages)
      .filter(([name, p]) => name !== "" && p.engines?.node && !semver.satisfies(lowest, p.engines.node))
      .map(([name, p]) => `${name} wants node ${p.engines!.node}`);
    expect(refusing, `Node ${lowest}`).toEqual([]);
  });
});

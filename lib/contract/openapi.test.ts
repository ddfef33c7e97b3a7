// The OpenAPI document generated from the contract: valid OpenAPI 3.1 by an independent validator,
// every operation named and summarised, schemas as $ref components, and the error answers each
// operation can give listed with the problem+json schema.
import { compileErrors, validate } from "@readme/openapi-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as alertRules from "./alert-rules";
import * as audit from "./audit";
import * as auth from "./auth";
import * as comments from "./comments";
import * as coverage from "./coverage";
import * as health from "./health";
import * as mappings from "./mappings";
import * as priceCheck from "./price-check";
import { openApiDocument } from "./openapi";
import * as scrape from "./scrape";
import * as stats from "./stats";
import * as unmap from "./unmap";
import * as unmapped from "./unmapped";
import * as views from "./views";
import * as webhooks from "./webhooks";

type Operation = Omit<OpenAPIV3_1.OperationObject, "parameters" | "responses"> & {
  parameters?: OpenAPIV3_1.ParameterObject[];
  responses: Record<string, OpenAPIV3_1.ResponseObject>;
};
type Response = OpenAPIV3_1.ResponseObject;

const doc = () => structuredClone(openApiDocument()) as unknown as OpenAPIV3_1.Document;
const operations = () =>
  Object.entries(doc().paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ path, method, op: op as Operation })),
  );

type Schema = OpenAPIV3_1.SchemaObject;

/** The contract's exported zod schemas by their component id (`.meta({ id })`). */
const zodById = new Map(
  [alertRules, audit, auth, comments, coverage, health, mappings, priceCheck, scrape, stats, unmap, unmapped, views, webhooks]
    .flatMap((m) => Object.values(m))
    .filter((v): v is z.ZodType => v instanceof z.ZodType)
    .flatMap((s) => {
      const id = z.globalRegistry.get(s)?.id;
      return id ? [[id, s] as const] : [];
    }),
);

/**
 * The component a `{ $ref }` names. A schema used both as input (a webhook's body) and as output
 * (an answer) whose two sides differ is two components, the answer's named `<id>Output`.
 */
const componentName = (schema: unknown) =>
  (schema as { $ref?: string } | undefined)?.$ref?.replace("#/components/schemas/", "").replace(/Output$/, "");

/** Each operation's JSON request body and main answer (its 2xx JSON answers), as media type objects. */
const bodiesAndAnswers = () =>
  operations().flatMap(({ path, method, op }) => {
    const at = `${method} ${path}`;
    const body = (op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content["application/json"];
    const answers = Object.entries(op.responses)
      .filter(([status, r]) => status.startsWith("2") && r.content?.["application/json"])
      .map(([status, r]) => ({ at: `${at} ${status}`, media: r.content!["application/json"], io: "response" as const }));
    return [...(body ? [{ at: `${at} body`, media: body, io: "request" as const }] : []), ...answers];
  });

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(doc() as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(doc().openapi).toBe("3.1.0");
  });

  it("names and summarises every operation once", () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(19);
    for (const { path, method, op } of ops) {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, `${method} ${path}`).toBeTruthy();
    }
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
  });

  it("lists the problem+json answers each operation can give", () => {
    for (const { path, method, op } of operations()) {
      const at = `${method} ${path}`;
      const responses = op.responses as Record<string, Response>;
      const problems = Object.entries(responses).filter(
        ([status]) => Number(status) >= 400 && !(path === "/api/health" && status === "503"),
      );
      for (const [status, r] of problems) {
        expect(r.content?.["application/problem+json"]?.schema, `${at} ${status}`).toEqual({ $ref: "#/components/schemas/Problem" });
      }
      expect(responses["503"], `${at}: 503`).toBeDefined();
      if (path !== "/api/health") expect(responses["503"].headers?.["Retry-After"], `${at}: Retry-After`).toBeDefined();
      const params = op.parameters ?? [];
      if (op.requestBody) for (const s of ["400", "413"]) expect(responses[s], `${at}: ${s}`).toBeDefined();
      if (params.some((p) => p.in === "query")) expect(responses["400"], `${at}: 400`).toBeDefined();
      if (params.some((p) => p.in === "path")) expect(responses["404"], `${at}: 404`).toBeDefined();
    }
    const status = (path: string, method: string) =>
      Object.keys(operations().find((o) => o.path === path && o.method === method)!.op.responses);
    expect(status("/api/scrape", "post")).toEqual(expect.arrayContaining(["202", "200", "409", "503"]));
    expect(status("/api/unmapped/{id}", "patch")).toEqual(expect.arrayContaining(["200", "400", "404", "412", "413", "503"]));
    expect(status("/api/unmapped/{id}/map", "post")).toEqual(expect.arrayContaining(["200", "400", "404", "409", "413", "422", "503"]));
    expect(status("/api/mappings/{canonicalId}", "patch")).toEqual(expect.arrayContaining(["409", "412", "422"]));
  });

  it("refers to the contract's schemas as components", () => {
    const d = doc();
    const schemas = Object.keys(d.components?.schemas ?? {});
    expect(schemas).toEqual(
      expect.arrayContaining([
        "Problem",
        "UnmappedList",
        "UnmappedDetail",
        "MappingDetail",
        "MapMarket",
        "ScrapeRun",
        "Health",
        "TriageStatus",
      ]),
    );
    const list = d.paths!["/api/unmapped"]!.get!;
    expect((list.responses["200"] as Response).content!["application/json"].schema).toEqual({ $ref: "#/components/schemas/UnmappedList" });
    const status = (list.parameters as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === "status")!;
    expect(status).toMatchObject({
      in: "query",
      style: "form",
      explode: true,
      schema: { type: "array", items: { enum: ["NEW", "ACKNOWLEDGED", "MAPPED", "IGNORED"] } },
    });
  });

  it("has a tag with a description on every operation, info from package.json and a server", () => {
    const d = doc();
    const tags = new Map((d.tags ?? []).map((t) => [t.name, t.description]));
    for (const [name, description] of tags) expect(description, name).toBeTruthy();
    for (const { path, method, op } of operations()) {
      expect(op.tags, `${method} ${path}`).toHaveLength(1);
      expect(tags.has(op.tags![0]), `${method} ${path}: ${op.tags![0]}`).toBe(true);
    }
    expect(d.info.version).toBe(process.env.npm_package_version ?? d.info.version);
    expect(d.info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(d.info.description).toBeTruthy();
    expect(d.servers?.length).toBeGreaterThan(0);
  });

  it("gives every request body and main answer an example that its own zod schema accepts", () => {
    const checked = new Set<string>();
    for (const { at, media } of bodiesAndAnswers()) {
      // This document's own answer is the document: no example of it beside itself.
      if (at === "get /api/openapi.json 200") continue;
      const name = componentName(media.schema);
      expect(name, `${at}: a $ref component`).toBeDefined();
      expect(media.example, `${at}: ${name} has an example`).toBeDefined();
      const zodSchema = zodById.get(name!);
      expect(zodSchema, `${name}: an exported contract schema`).toBeDefined();
      const parsed = zodSchema!.safeParse(media.example);
      expect(parsed.success, `${at}: ${name} example: ${parsed.error?.message}`).toBe(true);
      checked.add(name!);
    }
    expect(checked.size).toBeGreaterThanOrEqual(39);
    // Any other answer's example (the health check's 503) is checked alike.
    for (const { path, method, op } of operations())
      for (const [status, r] of Object.entries(op.responses)) {
        const media = r.content?.["application/json"];
        if (status.startsWith("2") || media?.example === undefined) continue;
        const parsed = zodById.get(componentName(media.schema)!)!.safeParse(media.example);
        expect(parsed.success, `${method} ${path} ${status} example: ${parsed.error?.message}`).toBe(true);
      }
  });

  it("lets a request body leave out every field that may be null (absent reads as null, or unchanged in a PATCH)", () => {
    const schemas = doc().components!.schemas! as Record<string, Schema>;
    const resolve = (s: Schema): Schema => {
      const name = componentName(s);
      return name ? schemas[name] : s;
    };
    const mayBeNull = (s: Schema): boolean => {
      const r = resolve(s);
      return (Array.isArray(r.type) && r.type.includes("null")) || r.type === "null" || (r.anyOf ?? r.oneOf ?? []).some(mayBeNull);
    };
    const offending: string[] = [];
    const seen = new Set<Schema>();
    const walk = (s: Schema, at: string) => {
      const r = resolve(s);
      if (seen.has(r)) return;
      seen.add(r);
      for (const [key, prop] of Object.entries((r.properties ?? {}) as Record<string, Schema>)) {
        if (mayBeNull(prop) && (r.required ?? []).includes(key)) offending.push(`${at}.${key}`);
        walk(prop, `${at}.${key}`);
      }
      const items = (r as { items?: Schema }).items;
      if (items) walk(items, `${at}[]`);
      for (const alt of [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])]) walk(alt, at);
    };
    const bodies = bodiesAndAnswers().filter((b) => b.io === "request");
    expect(bodies.length).toBeGreaterThanOrEqual(13);
    for (const { at, media } of bodies) walk(media.schema as Schema, at);
    expect(offending).toEqual([]);
  });
});

// The OpenAPI document generated from the contract: valid OpenAPI 3.1 by an independent validator,
// every operation named and summarised, schemas as $ref components, and the error answers each
// operation can give listed with the problem+json schema.
import { compileErrors, validate } from "@readme/openapi-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

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
});

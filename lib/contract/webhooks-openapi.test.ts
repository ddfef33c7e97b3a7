// The OpenAPI document's `webhooks`: one POST per event type (and the test event), each with the
// three Standard Webhooks headers and its body as a $ref component, the same schema the tests'
// receivers parse deliveries with.
import type { OpenAPIV3_1 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { ALERT_FIRED_EVENT, WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from "./webhooks";

describe("the OpenAPI webhooks", () => {
  it("describe every event type with its signed headers and its envelope", () => {
    const doc = structuredClone(openApiDocument()) as unknown as OpenAPIV3_1.Document;
    const hooks = doc.webhooks ?? {};
    expect(Object.keys(hooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, ALERT_FIRED_EVENT, WEBHOOK_TEST_EVENT].sort());
    for (const [type, item] of Object.entries(hooks)) {
      const post = (item as OpenAPIV3_1.PathItemObject).post!;
      const headers = (post.parameters as OpenAPIV3_1.ParameterObject[]).map((p) => `${p.in}:${p.name}:${p.required}`);
      expect(headers, type).toEqual(["header:webhook-id:true", "header:webhook-timestamp:true", "header:webhook-signature:true"]);
      const body = post.requestBody as OpenAPIV3_1.RequestBodyObject;
      const ref = (body.content["application/json"].schema as OpenAPIV3_1.ReferenceObject).$ref;
      expect(ref, type).toMatch(/^#\/components\/schemas\/Webhook/);
      const schema = doc.components!.schemas![ref.split("/").pop()!] as OpenAPIV3_1.SchemaObject;
      expect((schema.properties!.type as OpenAPIV3_1.SchemaObject).const, type).toBe(type);
      expect(schema.required, type).toEqual(["type", "timestamp", "data"]);
    }
  });
});

// The webhook operations (admin) and the events receivers get (OpenAPI 3.1 `webhooks`: one entry
// per event type, its body the envelope and the three Standard Webhooks headers).
import type { ZodOpenApiObject, ZodOpenApiPathsObject } from "zod-openapi";
import { created, deletion, jsonAnswer, listAnswer, operation, problem, WHOLE_UNLESS_PAGED, wholeList } from "./openapi-kit";
import {
  deliveryListQuerySchema,
  deliveryParamsSchema,
  webhookCreateSchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookIdParamsSchema,
  webhookListSchema,
  webhookPatchSchema,
  webhookPayloadSchemas,
  webhookSchema,
  webhookWithSecretSchema,
} from "./webhooks";

const urlRefused = problem(
  "Invalid body; a url that is not http(s) or points at a loopback, link-local or private address is refused (errors[] names body.url)",
);

export const webhooksPaths: ZodOpenApiPathsObject = {
  "/api/webhooks": {
    get: wholeList("admin", "listWebhooks", "The webhook endpoints, oldest first (never their secrets)", {
      description: `Every endpoint with what it subscribes to and whether it is failing (since when) or was disabled for failing through the whole retry window. ${WHOLE_UNLESS_PAGED}`,
      items: webhookListSchema,
      answer: "The endpoints; failing and disabled ones say since when",
    }),
    post: operation("admin", "createWebhook", "Create an endpoint; its signing secret is shown only in this answer", {
      description:
        "The url must be http(s) and, unless WEBHOOK_ALLOW_PRIVATE=true, not a loopback, link-local or private address (checked again on the resolved address at every delivery). The answer is the only time the secret is shown.",
      body: webhookCreateSchema,
      responses: { "201": created(webhookWithSecretSchema, "Created; verify deliveries with secret"), "400": urlRefused },
    }),
  },
  "/api/webhooks/{id}": {
    get: operation("admin", "getWebhook", "One endpoint", {
      description: "The endpoint without its secret.",
      path: webhookIdParamsSchema,
      responses: { "200": jsonAnswer(webhookSchema, "The endpoint") },
    }),
    patch: operation("admin", "updateWebhook", "Change an endpoint's url, events, description or active (true clears its failing flag)", {
      description:
        "Fields left out stay as they are. Setting active to true on a disabled endpoint enables it again and clears its failing flag.",
      path: webhookIdParamsSchema,
      body: webhookPatchSchema,
      responses: { "200": jsonAnswer(webhookSchema, "The endpoint as it is now"), "400": urlRefused },
    }),
    delete: deletion("admin", "deleteWebhook", "Delete an endpoint and its delivery log", {
      description: "Its pending deliveries are not sent. The deletion is recorded in the audit trail.",
      path: webhookIdParamsSchema,
    }),
  },
  "/api/webhooks/{id}/rotate": {
    post: operation(
      "admin",
      "rotateWebhookSecret",
      "A new signing secret, shown only in this answer; the previous one also signs for 24 h",
      {
        description:
          "Deliveries are signed with both secrets for 24 h (two signatures in webhook-signature), so a receiver can switch without losing any.",
        path: webhookIdParamsSchema,
        responses: { "200": jsonAnswer(webhookWithSecretSchema, "The endpoint with its new secret") },
      },
    ),
  },
  "/api/webhooks/{id}/deliveries": {
    get: operation("admin", "listWebhookDeliveries", "The endpoint's deliveries, newest first", {
      description:
        "One row per event sent (or to send) to this endpoint: each attempt's outcome, and when the next attempt is due. " +
        "limit per answer (default 50); the older ones by cursor (nextCursor and Link). A cursor is bound to its endpoint.",
      path: webhookIdParamsSchema,
      query: deliveryListQuerySchema,
      responses: { "200": listAnswer(webhookDeliveryListSchema, "Status, attempts, last response code and duration, next attempt") },
    }),
  },
  "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
    post: operation("admin", "redeliverWebhook", "Send a delivery again (same webhook-id), retried for a fresh window", {
      description:
        "The same event and webhook-id, so a receiver that already handled it can recognise it; a delivery still pending is left as it is.",
      path: deliveryParamsSchema,
      responses: { "202": jsonAnswer(webhookDeliverySchema, "Queued (a pending delivery stays as it is)") },
    }),
  },
  "/api/webhooks/{id}/test": {
    post: operation("admin", "sendWebhookTest", "Queue a webhook.test event for this endpoint, whatever it subscribes to", {
      description: "A webhook.test event to check the receiver's signature verification; it is in the delivery log like any other.",
      path: webhookIdParamsSchema,
      responses: { "202": jsonAnswer(webhookDeliverySchema, "Queued behind the endpoint's other deliveries") },
    }),
  },
};

const signatureHeaders = {
  "webhook-id": {
    required: true,
    description: "The event's id: the same in every retry and redelivery, so receivers dedupe on it",
    schema: { type: "string" as const },
  },
  "webhook-timestamp": {
    required: true,
    description: "Seconds since the epoch when this attempt was signed",
    schema: { type: "string" as const },
  },
  "webhook-signature": {
    required: true,
    description: "Standard Webhooks signatures (v1,<base64 HMAC-SHA256>), space-separated: two during a secret rotation's 24 h",
    schema: { type: "string" as const },
  },
};

/** The events an endpoint receives: POSTed JSON, signed per Standard Webhooks; answer 2xx within WEBHOOK_TIMEOUT_MS. */
export const webhookEvents: NonNullable<ZodOpenApiObject["webhooks"]> = Object.fromEntries(
  Object.entries(webhookPayloadSchemas).map(([type, schema]) => [
    type,
    {
      post: {
        operationId: `webhook_${type.replace(/\./g, "_")}`,
        summary: `The ${type} event`,
        parameters: Object.entries(signatureHeaders).map(([name, h]) => ({ name, in: "header" as const, ...h })),
        requestBody: { required: true, content: { "application/json": { schema } } },
        responses: {
          "200": {
            description:
              "Any 2xx: delivered. 429 (Retry-After honoured), 5xx or no answer: retried with back-off; another 4xx: failed, not retried",
          },
        },
      },
    },
  ]),
);

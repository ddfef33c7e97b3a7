// Examples of the webhook bodies and answers for the OpenAPI document: openapi-examples.ts puts each
// on the media type of its schema, and openapi.test.ts parses each with its schema.
import type { z } from "zod";
import type * as W from "./webhooks";

const endpointId = "5f0c2a9e-8d47-4b1e-9c3a-7e2d61f4b8a0";

export const webhookCreateExample = {
  url: "https://hooks.example.com/market-triage",
  events: ["unmapped.discovered", "unmapped.escalating", "scrape.failed"],
  description: "Trading desk alerts",
  active: true,
} satisfies z.input<typeof W.webhookCreateSchema>;

export const webhookPatchExample = { events: ["unmapped.discovered"], active: true } satisfies z.input<typeof W.webhookPatchSchema>;

export const webhookExample = {
  id: endpointId,
  url: webhookCreateExample.url,
  events: webhookCreateExample.events,
  description: webhookCreateExample.description,
  active: true,
  failingSince: null,
  disabledAt: null,
  previousSecretExpiresAt: null,
  createdAt: "2026-12-01T08:00:00.000Z",
  updatedAt: "2026-12-01T08:00:00.000Z",
} satisfies z.input<typeof W.webhookSchema>;

export const webhookListExample = { items: [webhookExample], nextCursor: null } satisfies z.input<typeof W.webhookListSchema>;

export const webhookWithSecretExample = {
  ...webhookExample,
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
} satisfies z.input<typeof W.webhookWithSecretSchema>;

export const webhookDeliveryExample = {
  id: "1042",
  eventId: "9b2e4c71-3f5a-4d8e-a6b0-1c7f2e9d5a34",
  eventType: "unmapped.discovered",
  status: "succeeded",
  attempts: 2,
  responseCode: 200,
  durationMs: 143,
  error: null,
  nextAttemptAt: null,
  lastAttemptAt: "2026-12-06T09:15:04.210Z",
  createdAt: "2026-12-06T09:15:02.877Z",
} satisfies z.input<typeof W.webhookDeliverySchema>;

export const webhookDeliveryListExample = {
  items: [
    webhookDeliveryExample,
    {
      ...webhookDeliveryExample,
      id: "1041",
      eventId: "0d6a8f13-52c4-4e97-b1d2-8a3c5e7f9b60",
      eventType: "scrape.failed",
      status: "pending",
      attempts: 1,
      responseCode: 503,
      durationMs: 88,
      error: "HTTP 503",
      nextAttemptAt: "2026-12-06T09:16:02.000Z",
      lastAttemptAt: "2026-12-06T09:15:01.930Z",
      createdAt: "2026-12-06T09:15:00.512Z",
    },
  ],
  // An answer to ?limit=2 for endpointId: the older deliveries follow with this cursor (also in the Link header).
  nextCursor: "eyJ2IjoxLCJzIjoiaWQ6ZGVzYyIsImYiOiI2OGNjMmY3MTQ2M2I3MzNjIiwiayI6WyIxMDQxIl19",
} satisfies z.input<typeof W.webhookDeliveryListSchema>;

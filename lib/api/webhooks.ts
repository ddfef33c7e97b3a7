// Webhook endpoints and their delivery log (admin).
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
  type WebhookCreate,
  type WebhookPatch,
} from "@/lib/contract/webhooks";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

const seg = encodeURIComponent;
// DELETE answers 204: nothing to read.
const deletedSchema = z.unknown();

export const webhooksApi = {
  list: (signal?: AbortSignal) => apiFetch(webhookListSchema, "/api/webhooks", { signal }),
  create: (body: WebhookCreate) => apiFetch(webhookWithSecretSchema, "/api/webhooks", { method: "POST", body }),
  update: (id: string, patch: WebhookPatch) => apiFetch(webhookSchema, `/api/webhooks/${seg(id)}`, { method: "PATCH", body: patch }),
  remove: (id: string) => apiFetch(deletedSchema, `/api/webhooks/${seg(id)}`, { method: "DELETE" }),
  rotate: (id: string) => apiFetch(webhookWithSecretSchema, `/api/webhooks/${seg(id)}/rotate`, { method: "POST" }),
  deliveries: (id: string, signal?: AbortSignal) =>
    apiFetch(webhookDeliveryListSchema, `/api/webhooks/${seg(id)}/deliveries?limit=100`, { signal }),
  redeliver: (id: string, deliveryId: string) =>
    apiFetch(webhookDeliverySchema, `/api/webhooks/${seg(id)}/deliveries/${seg(deliveryId)}/redeliver`, { method: "POST" }),
  test: (id: string) => apiFetch(webhookDeliverySchema, `/api/webhooks/${seg(id)}/test`, { method: "POST" }),
};

export const webhookQueries = {
  list: () => queryOptions({ queryKey: keys.webhooks.all, queryFn: ({ signal }) => webhooksApi.list(signal) }),
  deliveries: (id: string) =>
    queryOptions({
      queryKey: keys.webhooks.deliveries(id),
      queryFn: ({ signal }) => webhooksApi.deliveries(id, signal),
      // Pending deliveries change on their own (retries): the log follows them while any waits.
      refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === "pending") ? 2_000 : false),
    }),
};

// Webhook endpoints and their delivery log (admin).
import { queryOptions } from "@tanstack/react-query";
import {
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookSchema,
  webhookWithSecretSchema,
  type WebhookCreate,
  type WebhookPatch,
} from "@/lib/contract/webhooks";
import { crudApi } from "./crud";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

const crud = crudApi<WebhookCreate, WebhookPatch>()("/api/webhooks", {
  list: webhookListSchema,
  created: webhookWithSecretSchema,
  item: webhookSchema,
});

export const webhooksApi = {
  ...crud,
  rotate: (id: string) => apiFetch(webhookWithSecretSchema, `${crud.at(id)}/rotate`, { method: "POST" }),
  deliveries: (id: string, signal?: AbortSignal) => apiFetch(webhookDeliveryListSchema, `${crud.at(id)}/deliveries?limit=100`, { signal }),
  redeliver: (id: string, deliveryId: string) =>
    apiFetch(webhookDeliverySchema, `${crud.at(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: "POST" }),
  test: (id: string) => apiFetch(webhookDeliverySchema, `${crud.at(id)}/test`, { method: "POST" }),
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

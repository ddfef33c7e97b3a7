// Alert rules (admin) and their firing state (every role, the dashboard).
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  alertRuleFiringListSchema,
  alertRuleListSchema,
  alertRuleSchema,
  type AlertRuleCreate,
  type AlertRulePatch,
} from "@/lib/contract/alert-rules";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

const seg = encodeURIComponent;
// DELETE answers 204: nothing to read.
const deletedSchema = z.unknown();

export const alertRulesApi = {
  list: (signal?: AbortSignal) => apiFetch(alertRuleListSchema, "/api/alert-rules", { signal }),
  firings: (signal?: AbortSignal) => apiFetch(alertRuleFiringListSchema, "/api/alert-rules/firings", { signal }),
  create: (body: AlertRuleCreate) => apiFetch(alertRuleSchema, "/api/alert-rules", { method: "POST", body }),
  update: (id: string, patch: AlertRulePatch) => apiFetch(alertRuleSchema, `/api/alert-rules/${seg(id)}`, { method: "PATCH", body: patch }),
  remove: (id: string) => apiFetch(deletedSchema, `/api/alert-rules/${seg(id)}`, { method: "DELETE" }),
};

export const alertRuleQueries = {
  list: () => queryOptions({ queryKey: keys.alertRules.all, queryFn: ({ signal }) => alertRulesApi.list(signal) }),
  firings: () => queryOptions({ queryKey: keys.alertRules.firings, queryFn: ({ signal }) => alertRulesApi.firings(signal) }),
};

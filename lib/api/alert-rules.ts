// Alert rules (admin) and their firing state (every role, the dashboard).
import { queryOptions } from "@tanstack/react-query";
import {
  alertRuleFiringListSchema,
  alertRuleListSchema,
  alertRuleSchema,
  type AlertRuleCreate,
  type AlertRulePatch,
} from "@/lib/contract/alert-rules";
import { crudApi } from "./crud";
import { apiFetch } from "./fetch";
import { keys } from "./keys";

export const alertRulesApi = {
  ...crudApi<AlertRuleCreate, AlertRulePatch>()("/api/alert-rules", {
    list: alertRuleListSchema,
    created: alertRuleSchema,
    item: alertRuleSchema,
  }),
  firings: (signal?: AbortSignal) => apiFetch(alertRuleFiringListSchema, "/api/alert-rules/firings", { signal }),
};

export const alertRuleQueries = {
  list: () => queryOptions({ queryKey: keys.alertRules.all, queryFn: ({ signal }) => alertRulesApi.list(signal) }),
  firings: () => queryOptions({ queryKey: keys.alertRules.firings, queryFn: ({ signal }) => alertRulesApi.firings(signal) }),
};

// The example of every request body and main answer in the OpenAPI document, by the schema it is
// an example of. The kit (openapi-kit.ts) puts each on its media type wherever the schema is a body
// or an answer. They are kept out of the schemas' own `.meta()`: the app's forms bundle those
// schemas for the browser, which has no use for the examples. openapi.test.ts parses every example
// with its schema, so none drifts from what the API accepts and sends.
import { mapCheckSchema } from "./price-check";
import type { z } from "zod";
import * as alertRules from "./alert-rules";
import * as alertRuleExamples from "./alert-rules.examples";
import { auditListSchema } from "./audit";
import * as auth from "./auth";
import * as authExamples from "./auth.examples";
import * as collab from "./collaboration.examples";
import * as coverage from "./coverage";
import * as coverageExamples from "./coverage.examples";
import { activityListSchema, commentBodySchema, commentListSchema, commentSchema } from "./comments";
import { healthSchema } from "./health";
import * as mappings from "./mappings";
import * as mappingExamples from "./mappings.examples";
import { scrapeAcceptedSchema, scrapeRunListSchema, scrapeRunSchema } from "./scrape";
import { statsSchema } from "./stats";
import * as system from "./system.examples";
import * as unmapped from "./unmapped";
import * as unmappedExamples from "./unmapped.examples";
import * as unmap from "./unmap";
import * as unmapExamples from "./unmap.examples";
import * as webhooks from "./webhooks";
import * as webhookExamples from "./webhooks.examples";
import { peopleSchema, savedViewCreateSchema, savedViewListSchema, savedViewPatchSchema, savedViewSchema } from "./views";

export const EXAMPLES: ReadonlyMap<z.ZodType, unknown> = new Map<z.ZodType, unknown>([
  [unmapped.unmappedListSchema, unmappedExamples.unmappedListExample],
  [unmapped.unmappedDetailSchema, unmappedExamples.unmappedDetailExample],
  [unmapped.unmappedPatchSchema, unmappedExamples.unmappedPatchExample],
  [unmapped.unmappedEditedSchema, unmappedExamples.unmappedEditedExample],
  [unmapped.bulkRequestSchema, unmappedExamples.bulkRequestExample],
  [unmapped.changeResultSchema, unmappedExamples.changeResultExample],
  [unmapped.undoResultSchema, unmappedExamples.undoResultExample],
  [unmapped.trendSchema, unmappedExamples.trendExample],
  [mappings.mappingListSchema, mappingExamples.mappingListExample],
  [mappings.mappingDetailSchema, mappingExamples.mappingDetailExample],
  [mappings.mappingCreateSchema, mappingExamples.mappingCreateExample],
  [mappings.mappingPatchSchema, mappingExamples.mappingPatchExample],
  [mappings.mapMarketSchema, mappingExamples.mapMarketExample],
  [mappings.mapResultSchema, mappingExamples.mapResultExample],
  [mappings.candidatesSchema, mappingExamples.candidatesExample],
  [mapCheckSchema, mappingExamples.mapCheckExample],
  [commentBodySchema, collab.commentBodyExample],
  [commentSchema, collab.commentExample],
  [commentListSchema, collab.commentListExample],
  [activityListSchema, collab.activityListExample],
  [savedViewCreateSchema, collab.savedViewCreateExample],
  [savedViewPatchSchema, collab.savedViewPatchExample],
  [savedViewSchema, collab.savedViewExample],
  [savedViewListSchema, collab.savedViewListExample],
  [peopleSchema, collab.peopleExample],
  [auditListSchema, system.auditListExample],
  [scrapeRunSchema, system.scrapeRunExample],
  [scrapeAcceptedSchema, system.scrapeAcceptedExample],
  [scrapeRunListSchema, system.scrapeRunListExample],
  [statsSchema, system.statsExample],
  [healthSchema, system.healthExample],
  [auth.principalSchema, authExamples.principalExample],
  [auth.setupStateSchema, authExamples.setupStateExample],
  [auth.setupBodySchema, authExamples.setupBodyExample],
  [auth.userSchema, authExamples.userExample],
  [auth.userListSchema, authExamples.userListExample],
  [auth.userCreateSchema, authExamples.userCreateExample],
  [auth.userPatchSchema, authExamples.userPatchExample],
  [auth.tokenListSchema, authExamples.tokenListExample],
  [auth.tokenCreateSchema, authExamples.tokenCreateExample],
  [auth.tokenCreatedSchema, authExamples.tokenCreatedExample],
  [webhooks.webhookCreateSchema, webhookExamples.webhookCreateExample],
  [webhooks.webhookPatchSchema, webhookExamples.webhookPatchExample],
  [webhooks.webhookSchema, webhookExamples.webhookExample],
  [webhooks.webhookListSchema, webhookExamples.webhookListExample],
  [webhooks.webhookWithSecretSchema, webhookExamples.webhookWithSecretExample],
  [webhooks.webhookDeliverySchema, webhookExamples.webhookDeliveryExample],
  [webhooks.webhookDeliveryListSchema, webhookExamples.webhookDeliveryListExample],
  [alertRules.alertRuleCreateSchema, alertRuleExamples.alertRuleCreateExample],
  [alertRules.alertRulePatchSchema, alertRuleExamples.alertRulePatchExample],
  [alertRules.alertRuleSchema, alertRuleExamples.alertRuleExample],
  [alertRules.alertRuleListSchema, alertRuleExamples.alertRuleListExample],
  [alertRules.alertRuleFiringListSchema, alertRuleExamples.alertRuleFiringListExample],
  [coverage.coverageAlertSchema, coverageExamples.coverageAlertExample],
  [coverage.coverageAlertListSchema, coverageExamples.coverageAlertListExample],
  [coverage.coverageChangeSchema, coverageExamples.coverageChangeExample],
  [unmap.unmapMarketSchema, unmapExamples.unmapMarketExample],
  [unmap.unmapResultSchema, unmapExamples.unmapResultExample],
]);

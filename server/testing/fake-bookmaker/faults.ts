// Misbehaviour a test can make the fake bookmaker show on chosen requests: errors, slowness,
// silence, cut connections, bodies that are not JSON or not the expected envelope.

export type Route = "S1" | "S2" | "S3" | "B1" | "B2" | "B3";

export type FaultResponse = { delayMs?: number } &
  /** The normal response, after `delayMs`. */
  (
    | { kind: "ok" }
    | { kind: "status"; status: number; headers?: Record<string, string>; body?: string }
    /** Headers are never sent; the client has to time out (or be aborted). */
    | { kind: "hang" }
    /** The connection is destroyed without a response. */
    | { kind: "reset" }
    /** A body that is not JSON (an HTML block page, a cut-off object). */
    | { kind: "raw"; body: string; status?: number; contentType?: string }
    /** Any JSON instead of the normal body (wrong envelope codes, wrong shapes). */
    | { kind: "json"; body: unknown; status?: number }
  );

export interface FaultRule {
  route: Route;
  /** Tournament id (S2), group id (B2), event id (S3, B3); omitted = every request to the route. */
  key?: string;
  /** Applies to this many matching requests, then is spent; omitted = for ever. */
  times?: number;
  respond: FaultResponse;
}

export class FaultBook {
  private rules: Array<FaultRule & { left: number }> = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first live rule for this request, consuming one of its uses. */
  take(route: Route, key: string | null): FaultResponse | null {
    const rule = this.rules.find((r) => r.route === route && r.left > 0 && (r.key === undefined || r.key === key));
    if (!rule) return null;
    rule.left--;
    return rule.respond;
  }
}

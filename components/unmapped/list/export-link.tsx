"use client";
import { unmappedExportHref } from "@/lib/api/unmapped";
import { exportQuery, type UnmappedView } from "@/lib/url-state/unmapped-view";

/**
 * "Export CSV": the current view's filters and sort, every page, as a plain download link. The
 * browser sends the session cookie with it like any page request; the server streams the file.
 */
export function ExportLink({ view }: { view: UnmappedView }) {
  return (
    <a className="button button-small" href={unmappedExportHref(exportQuery(view))} download>
      Export CSV
    </a>
  );
}

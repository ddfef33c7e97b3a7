"use client";
import { ErrorState } from "@/components/ui/error-state";
import layout from "@/components/layout/detail-layout.module.css";

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const message = digest
    ? `The server could not render it (reference ${digest}). Try again in a moment.`
    : error instanceof Error
      ? error.message
      : "Something went wrong while showing this page.";
  return (
    <div className={layout.detailPage}>
      <ErrorState title="This page failed to load" message={message} onRetry={retry} />
    </div>
  );
}

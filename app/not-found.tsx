import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import layout from "@/components/layout/detail-layout.module.css";

export default function NotFound() {
  return (
    <div className={layout.detailPage}>
      <EmptyState
        title="Not found"
        actions={
          <Link href="/unmapped" className="button">
            Go to unmapped markets
          </Link>
        }
      >
        <p>There is nothing at this address. If it was a market, it may no longer exist.</p>
      </EmptyState>
    </div>
  );
}

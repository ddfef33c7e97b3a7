import { NotFoundPage } from "@/components/ui/detail-states";

export default function NotFound() {
  return (
    <NotFoundPage title="Not found" href="/unmapped" action="Go to unmapped markets">
      <p>There is nothing at this address. If it was a market, it may no longer exist.</p>
    </NotFoundPage>
  );
}

import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="list-page" role="status" aria-label="Loading mappings">
      <div className="list-header">
        <Skeleton width="10rem" height="1.4rem" />
        <Skeleton width="30rem" />
        <Skeleton width="100%" height="2rem" />
      </div>
      <div className="table-scroll stack-tight page-pad">
        {Array.from({ length: 12 }, (_, i) => (
          <Skeleton key={i} width="100%" height="1.6rem" />
        ))}
      </div>
    </div>
  );
}

"use client";
// A mapping made from scratch (not from an unmapped market): its id, name, platform ids and
// outcomes, then its page. "new" is never a mapping's id (the contract reserves it for this page).
import { useRouter } from "next/navigation";
import { mappingHref } from "@/lib/api/mappings";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import layout from "@/components/layout/detail-layout.module.css";
import { useIsClient } from "@/components/ui/clock";
import { MappingForm } from "./mapping-form";
import { useCan } from "@/components/auth/use-principal";
import { NotAllowed } from "@/components/auth/not-allowed";

export function NewMappingPage() {
  const router = useRouter();
  const isClient = useIsClient();
  const edits = useCan("mapping.edit");
  return (
    <article className={layout.detailPage} aria-labelledby="new-mapping-title" data-hydrated={isClient || undefined}>
      <header className={layout.detailHeader}>
        <div className={layout.detailTopbar}>
          <Breadcrumb trail={[{ href: "/mappings", label: "Mappings" }]} current="New" />
        </div>
        <h1 id="new-mapping-title" className={layout.detailTitle}>
          New mapping
        </h1>
        <p className="muted">
          A canonical market the scraper maps competitor markets onto. It applies from the scraper&apos;s next lookup.
        </p>
      </header>
      <section className="card" aria-label="The new mapping">
        <div className="card-body">
          {edits ? (
            <MappingForm
              mode="create"
              onDone={(saved) => router.push(mappingHref(saved.canonicalId))}
              onCancel={() => router.push("/mappings")}
            />
          ) : (
            <NotAllowed doing="create mappings" needs="triager" />
          )}
        </div>
      </section>
    </article>
  );
}

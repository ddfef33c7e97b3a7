// A market id nothing answers to (404), said the same on its detail page and in the map editor.
import type { ComponentProps } from "react";
import type { NotFoundPage } from "@/components/ui/detail-states";

export function marketNotFound(id: number, listHref: string): ComponentProps<typeof NotFoundPage> {
  return {
    title: "This market does not exist",
    href: listHref,
    action: "Back to the list",
    children: <p>Market #{id} is not in the database. The link may be wrong, or the database was reset.</p>,
  };
}

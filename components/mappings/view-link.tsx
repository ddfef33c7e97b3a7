"use client";
import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { mappingsHref, type MappingsView } from "./mappings-view";
import { useNavigateMappingsView } from "./use-mappings-view";

/** A real link to a view of the mappings list (copyable, opens in a new tab), switching in place on a plain click. */
export function MappingsViewLink({
  view,
  onClick,
  ...rest
}: { view: MappingsView } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const navigate = useNavigateMappingsView();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(view);
  };
  return <a href={mappingsHref(view)} onClick={handle} {...rest} />;
}

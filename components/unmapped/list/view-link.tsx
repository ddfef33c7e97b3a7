"use client";
import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { listHref, type ListView } from "@/lib/unmapped-view";
import { useNavigateView } from "./use-list-view";

/** A real link to a list view (copyable, opens in a new tab), switching views in place on a plain click. */
export function ViewLink({ view, onClick, ...rest }: { view: ListView } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">) {
  const navigate = useNavigateView();
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(view);
  };
  return <a href={listHref(view)} onClick={handle} {...rest} />;
}

"use client";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";

/**
 * Clicking anywhere on a row opens its page, except on the row's own controls and while the user
 * selects text (copying an id); Ctrl/Cmd-click opens it in a new tab.
 */
export function useRowOpener(): (e: MouseEvent<HTMLTableRowElement>, href: string) => void {
  const router = useRouter();
  return (e, href) => {
    if ((e.target as HTMLElement).closest("a, button, input, select")) return;
    if (window.getSelection()?.toString()) return;
    if (e.metaKey || e.ctrlKey) window.open(href, "_blank", "noopener");
    else router.push(href);
  };
}

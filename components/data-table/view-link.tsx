"use client";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

type Props = { href: string; onNavigate: () => void } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href">;

/** A real link to a view of a list (copyable, opens in a new tab), switching the view in place on a plain click. */
export function ViewLink({ href, onNavigate, onClick, ...rest }: Props) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onNavigate();
  };
  return <a href={href} onClick={handle} {...rest} />;
}

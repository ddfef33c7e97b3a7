"use client";
import { useLinkStatus } from "next/link";

/** Inside a <Link>: a small spinner while the page it opens is on its way. */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? <span className="spinner spinner-inline" aria-hidden="true" /> : null;
}

"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { LinkPending } from "@/components/ui/link-pending";
import layout from "./detail-layout.module.css";

/** Where a page sits: links up the way, then the page itself (aria-current). */
export function Breadcrumb({ trail, current, mono }: { trail: { href: string; label: ReactNode }[]; current: ReactNode; mono?: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className={layout.breadcrumb}>
      <ol>
        {trail.map((step) => (
          <li key={step.href}>
            <Link href={step.href}>
              {step.label}
              <LinkPending />
            </Link>
          </li>
        ))}
        <li aria-current="page" className={mono ? "mono" : undefined}>
          {current}
        </li>
      </ol>
    </nav>
  );
}

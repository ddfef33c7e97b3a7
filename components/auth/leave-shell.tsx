"use client";
// The app shell is rendered only for a signed-in person by the root layout, which a client
// navigation does not render again. When one ends on sign-in or first run (the session ended and
// the server redirected), the page is loaded again in full, so it renders without the shell.
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { isOpenPage } from "@/lib/api/auth";

export function LeaveShellOnOpenPage() {
  const pathname = usePathname();
  useEffect(() => {
    if (isOpenPage(pathname)) window.location.reload();
  }, [pathname]);
  return null;
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { safeNext } from "@/lib/api/auth";
import { pageAccess } from "@/server/http/page-access";
import { SignInForm } from "@/components/auth/sign-in-form";

// Who is signed in is read per request; `next build` must never run it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignIn({ searchParams }: { searchParams: SearchParams }) {
  const access = await pageAccess();
  // Nobody can sign in before the first account exists.
  if (access.needsAdmin) redirect("/setup");
  const { next } = await searchParams;
  if (access.principal) redirect(safeNext(typeof next === "string" ? next : null));
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}

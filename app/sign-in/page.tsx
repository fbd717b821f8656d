import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in/sign-in-form";
import { safeNextPath } from "@/lib/api-client/safe-next";
import { currentFounder } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  if (await currentFounder()) redirect("/");
  const { next } = await searchParams;

  return (
    <main className="auth-page">
      <SignInForm next={safeNextPath(next)} />
    </main>
  );
}

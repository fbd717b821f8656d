"use client";
// Ends the session, forgets cached dashboard data and goes to the sign-in page.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/client";

export function SignOutButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    try {
      await authClient.signOut();
    } finally {
      queryClient.clear();
      router.push("/sign-in");
      router.refresh();
    }
  }

  return (
    <button
      type="button"
      className="button button--ghost button--small"
      onClick={signOut}
      disabled={pending}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}

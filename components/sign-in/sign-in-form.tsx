"use client";
// Email and password, checked by better-auth; on success, back to where the founder was going.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth/client";
import "./sign-in.css";

export type SignInFormProps = {
  /** A relative path (already checked) to go to after signing in. */
  next: string;
};

export function SignInForm({ next }: SignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const { error: failure } = await authClient.signIn.email({
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (failure) {
        setError(
          failure.status === 429
            ? "Too many attempts. Wait a minute, then try again."
            : "Wrong email or password",
        );
        setPending(false);
        return;
      }
      router.replace(next);
      router.refresh();
    } catch {
      setError("Could not reach Liftoff. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="auth-card">
      <div className="auth-card__brand">
        <span className="wordmark__logo" aria-hidden="true">
          <svg viewBox="0 0 24 24">
            <path d="M12 2c3 2.5 4.5 6 4.5 10l-2 4h-5l-2-4C7.5 8 9 4.5 12 2Zm0 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3ZM9.5 16 7 19l1 2 3-2m3.5-3L17 19l-1 2-3-2" />
          </svg>
        </span>
        <span className="auth-card__wordmark">Liftoff</span>
      </div>
      <h1 className="auth-card__title">Sign in to your dashboard</h1>
      <p className="auth-card__subtitle">Growth, rank and uptime for your launch.</p>

      <form className="auth-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </div>
        {error ? (
          <p className="auth-form__error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="button auth-form__submit"
          disabled={pending}
          aria-busy={pending}
        >
          Sign in
        </button>
      </form>
      <p className="auth-card__footnote">
        Accounts are created by whoever runs Liftoff (<code>npm run user:create</code>).{" "}
        <a href="/status">Service status</a>
      </p>
    </div>
  );
}

import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { themeScript } from "@/components/theme/theme-store";
import { ThemeSync } from "@/components/theme/theme-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Liftoff", template: "%s · Liftoff" },
  description: "Your launch, measured: user growth, rank climb and uptime.",
  // The rocket mark inline, so there is no icon file to fetch and no 404 for /favicon.ico.
  icons: {
    icon:
      "data:image/svg+xml," +
      encodeURIComponent(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="6" fill="#4f46e5"/><path fill="#fff" d="M12 4c2.4 2 3.6 4.8 3.6 8l-1.6 3.2h-4L8.4 12c0-3.2 1.2-6 3.6-8Zm0 5.2a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4Z"/></svg>',
      ),
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0d12" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The dashboard's Content-Security-Policy runs inline scripts by this request's nonce only
  // (proxy.ts); the public pages have none and need none.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The inline script sets data-theme before the first paint; React must not fight it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <ThemeSync />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

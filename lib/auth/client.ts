"use client";
// The browser side of sign-in: talks to /api/auth on the same origin. Holds no secret.
import { createAuthClient } from "better-auth/react";

export const authClient = createAuthClient();

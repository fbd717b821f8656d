// Creating founder accounts outside the web app (CLI, first start). Stores them exactly as
// better-auth's email-and-password sign-in expects: a user, and a "credential" account holding
// the scrypt hash.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Database } from "@/lib/database/client";
import { ValidationError } from "@/lib/errors";

const founderInput = z.object({
  email: z.email("a valid email address"),
  password: z.string().min(10, "a password of at least 10 characters"),
  name: z.string().min(1).default("Founder"),
});

export type FounderInput = z.input<typeof founderInput>;

export async function createFounder(
  db: Database,
  input: FounderInput,
): Promise<{ id: string; email: string }> {
  const parsed = founderInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => `${i.path.join(".")}: expected ${i.message}`).join("; "),
    );
  }
  const { email, password, name } = parsed.data;
  const normalised = email.toLowerCase();
  if (await db.user.findUnique({ where: { email: normalised } })) {
    throw new ValidationError(`A founder with email ${normalised} already exists`);
  }
  const id = randomUUID();
  const hash = await hashPassword(password);
  await db.$transaction([
    db.user.create({ data: { id, email: normalised, name, emailVerified: true } }),
    db.account.create({
      data: {
        id: randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: hash,
      },
    }),
  ]);
  return { id, email: normalised };
}

/** On first start, creates the account named by LIFTOFF_ADMIN_EMAIL/PASSWORD if there is none. */
export async function ensureFirstFounder(
  db: Database,
  email?: string,
  password?: string,
): Promise<string | null> {
  if (!email || !password) return null;
  if ((await db.user.count()) > 0) return null;
  const founder = await createFounder(db, { email, password });
  return founder.email;
}

// Fails when the migrated database and prisma/schema.prisma disagree: every model and scalar
// field exists with the right type and nullability, every enum has the same values, and every
// @@unique/@@id has its index. Write a new migration when this fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getDMMF } from "@prisma/get-dmmf";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database";

const schema = readFileSync(
  path.resolve(import.meta.dirname, "../../prisma/schema.prisma"),
  "utf8",
);

/** The PostgreSQL udt_name each Prisma scalar may be stored as (the native type decides). */
const udtFor: Record<string, string[]> = {
  String: ["text", "varchar"],
  Int: ["int4", "int2"],
  BigInt: ["int8"],
  Float: ["float8"],
  Boolean: ["bool"],
  DateTime: ["timestamptz", "timestamp"],
  Json: ["jsonb"],
  Decimal: ["numeric"],
};

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("the migrated database matches schema.prisma", async () => {
  const dmmf = await getDMMF({ datamodel: schema });
  if ("error" in dmmf) throw new Error(String(dmmf.error));
  const enumDbNames = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));

  it.each(dmmf.datamodel.models.map((m) => [m.name, m] as const))(
    "model %s",
    async (_name, model) => {
      const table = model.dbName ?? model.name;
      const { rows } = await client.query<{
        column_name: string;
        udt_name: string;
        is_nullable: string;
      }>(
        "SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [table],
      );
      expect(rows.length, `table ${table} exists`).toBeGreaterThan(0);
      const columns = new Map(rows.map((r) => [r.column_name, r]));
      const scalars = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
      for (const field of scalars) {
        const name = field.dbName ?? field.name;
        const column = columns.get(name);
        expect(column, `${table}.${name} exists`).toBeDefined();
        const expected = field.kind === "enum" ? [enumDbNames.get(field.type)] : udtFor[field.type];
        expect(expected, `${table}.${name} has type ${field.type}`).toContain(column?.udt_name);
        expect(column?.is_nullable, `${table}.${name} nullability`).toBe(
          field.isRequired ? "NO" : "YES",
        );
      }
      // No column in the table that the schema does not know.
      expect([...columns.keys()].sort()).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
    },
  );

  it.each(dmmf.datamodel.enums.map((e) => [e.name, e] as const))(
    "enum %s",
    async (_name, prismaEnum) => {
      const { rows } = await client.query<{ label: string }>(
        "SELECT e.enumlabel AS label FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder",
        [prismaEnum.dbName ?? prismaEnum.name],
      );
      expect(rows.map((r) => r.label)).toEqual(prismaEnum.values.map((v) => v.dbName ?? v.name));
    },
  );

  it("every natural key has a unique index", async () => {
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const keys = [...model.uniqueFields, ...(model.primaryKey ? [model.primaryKey.fields] : [])];
      for (const fields of keys) {
        const columns = fields.map((f) => {
          const field = model.fields.find((x) => x.name === f);
          return field?.dbName ?? f;
        });
        const { rows } = await client.query<{ columns: string[] }>(
          `SELECT array_agg(a.attname ORDER BY k.ord)::text[] AS columns
             FROM pg_index i
             JOIN pg_class c ON c.oid = i.indrelid
             CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE c.relname = $1 AND i.indisunique
            GROUP BY i.indexrelid`,
          [table],
        );
        expect(
          rows.map((r) => r.columns.join(",")),
          `${table} unique (${columns})`,
        ).toContain(columns.join(","));
      }
    }
  });
});

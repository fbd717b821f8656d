// ESLint rule: the database stays on the server. Files under components/ and files that start with
// "use client" may not import Prisma, pg or Liftoff's database modules, by alias or relative path.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Repo-relative (or bare package) form of an import specifier. */
function normalise(specifier, filename) {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) {
    return path
      .relative(root, path.resolve(path.dirname(filename), specifier))
      .split(path.sep)
      .join("/");
  }
  return specifier;
}

function isForbidden(target, forbidden) {
  return forbidden.some((prefix) => target === prefix || target.startsWith(`${prefix}/`));
}

function isClientFile(context) {
  const relative = path.relative(root, context.filename).split(path.sep).join("/");
  if (relative.startsWith("components/")) return true;
  const first = context.sourceCode.ast.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: 'Forbid database modules in components/ and "use client" files' },
    schema: [
      {
        type: "object",
        properties: { modules: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        "'{{specifier}}' reaches the database; components and client files get data through a route or React Query.",
    },
  },
  create(context) {
    if (!isClientFile(context)) return {};
    const forbidden = context.options[0]?.modules ?? [];
    const check = (node, source) => {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      if (isForbidden(normalise(source.value, context.filename), forbidden)) {
        context.report({ node, messageId: "forbidden", data: { specifier: source.value } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default rule;

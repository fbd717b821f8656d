// Makes the database's catalogue (sites, metrics, components, monitors) match the configuration.
// Run at every start; idempotent. Monitors dropped from the file are disabled, not deleted, so
// their history stays.
import type { Database } from "@/lib/database/client";
import type { LoadedConfig } from "@/lib/config";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function syncConfig(db: Database, config: LoadedConfig): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const sites = [
        { ...config.service, isService: true },
        ...config.competitors.map((c) => ({ ...c, isService: false })),
      ];
      for (const site of sites) {
        await tx.site.upsert({
          where: { domain: site.domain },
          create: { domain: site.domain, name: site.name, isService: site.isService },
          update: { name: site.name, isService: site.isService },
        });
      }

      for (const source of config.sources.metrics) {
        const data = {
          name: source.name,
          kind: source.type,
          source: source.kind,
          unit: source.unit ?? null,
        };
        await tx.metric.upsert({
          where: { key: source.metric },
          create: { key: source.metric, ...data },
          update: data,
        });
      }

      // Pushed metrics: the source column names the push source, so the catalogue shows who writes.
      for (const source of config.sources.push) {
        for (const metric of source.metrics) {
          const data = {
            name: metric.name,
            kind: metric.type,
            source: `push:${source.key}`,
            unit: metric.unit ?? null,
          };
          await tx.metric.upsert({
            where: { key: metric.metric },
            create: { key: metric.metric, ...data },
            update: data,
          });
        }
      }

      // Components first without groups, then link groups, so order in the file does not matter.
      const componentIds = new Map<string, number>();
      for (const component of config.components) {
        const data = {
          name: component.name,
          description: component.description ?? null,
          position: component.position,
          showcase: component.showcase,
          onlyShowIfDegraded: component.onlyShowIfDegraded,
        };
        const row = await tx.component.upsert({
          where: { key: component.key },
          create: { key: component.key, ...data },
          update: data,
        });
        componentIds.set(component.key, row.id);
      }
      for (const component of config.components) {
        const groupId = component.group ? (componentIds.get(component.group) ?? null) : null;
        await tx.component.update({ where: { key: component.key }, data: { groupId } });
      }

      for (const monitor of config.monitors) {
        const { key, name, type, interval, component, ...settings } = monitor;
        const data = {
          name,
          type,
          target: monitor.type === "http" ? monitor.url : `${monitor.host}:${monitor.port}`,
          intervalSeconds: Math.round(interval / 1000),
          config: settings as Prisma.InputJsonValue,
          enabled: true,
          componentId: component ? (componentIds.get(component) ?? null) : null,
        };
        await tx.monitor.upsert({ where: { key }, create: { key, ...data }, update: data });
      }
      await tx.monitor.updateMany({
        where: { key: { notIn: config.monitors.map((m) => m.key) } },
        data: { enabled: false },
      });
    },
    // A catalogue of a thousand monitors takes longer than Prisma's default 5 s.
    { timeout: 120_000 },
  );
}

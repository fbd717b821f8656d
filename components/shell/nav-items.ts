// The dashboard's pages, in sidebar order. Icons are 24×24 stroke paths.

export type NavItem = { href: string; label: string; icon: string };

export const navItems: NavItem[] = [
  { href: "/", label: "Overview", icon: "M4 13h6V4H4zm10 7h6v-9h-6zM4 20h6v-4H4zm10-13h6V4h-6z" },
  { href: "/growth", label: "Growth", icon: "M4 19h16M5 15l4-4 4 3 6-7m0 0h-4m4 0v4" },
  {
    href: "/rank",
    label: "Rank",
    icon: "M8 21h8m-4-4v4m-5-17h10v5a5 5 0 0 1-10 0zM7 6H4v2a3 3 0 0 0 3 3m10-5h3v2a3 3 0 0 1-3 3",
  },
  { href: "/uptime", label: "Uptime", icon: "M3 12h4l3-7 4 14 3-7h4" },
  { href: "/milestones", label: "Milestones", icon: "M5 21V4m0 0h11l-2 4 2 4H5" },
  { href: "/jobs", label: "Jobs", icon: "M12 7v5l3 2m6-2a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z" },
  {
    href: "/activity",
    label: "Activity",
    icon: "M9 5h11M9 12h11M9 19h11M4 5h.01M4 12h.01M4 19h.01",
  },
];

/** The overview is active only on "/", other pages also on their sub-pages. */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

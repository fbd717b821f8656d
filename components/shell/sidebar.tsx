"use client";
// The dashboard's navigation: a sidebar on wide screens, a top bar with a menu on phones.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { isActive, navItems } from "./nav-items";
import { SignOutButton } from "./sign-out-button";
import "./shell.css";

export type SidebarProps = { email: string };

function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path d={path} />
    </svg>
  );
}

export function Sidebar({ email }: SidebarProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  return (
    <aside className="sidebar" data-open={open}>
      <div className="sidebar__bar">
        <Link href="/" className="wordmark" onClick={close}>
          <span className="wordmark__logo" aria-hidden="true">
            <svg viewBox="0 0 24 24">
              <path d="M12 2c3 2.5 4.5 6 4.5 10l-2 4h-5l-2-4C7.5 8 9 4.5 12 2Zm0 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3ZM9.5 16 7 19l1 2 3-2m3.5-3L17 19l-1 2-3-2" />
            </svg>
          </span>
          Liftoff
        </Link>
        <button
          type="button"
          className="sidebar__menu-button"
          aria-expanded={open}
          aria-controls="dashboard-menu"
          onClick={() => setOpen((value) => !value)}
        >
          <Icon path={open ? "M6 6l12 12M18 6 6 18" : "M4 7h16M4 12h16M4 17h16"} />
          <span className="visually-hidden">{open ? "Close menu" : "Open menu"}</span>
        </button>
      </div>

      <div id="dashboard-menu" className="sidebar__menu">
        <nav aria-label="Dashboard">
          <ul className="sidebar__links">
            {navItems.map((item) => {
              const active = isActive(item.href, pathname);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="sidebar__link"
                    aria-current={active ? "page" : undefined}
                    onClick={close}
                  >
                    <Icon path={item.icon} />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        <a
          href="/status"
          target="_blank"
          rel="noopener"
          className="sidebar__link sidebar__link--status"
        >
          <Icon path="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-9-9h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9Z" />
          Public status page
          <span aria-hidden="true" className="sidebar__external">
            ↗
          </span>
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>

        <div className="sidebar__footer">
          <ThemeToggle />
          <div className="sidebar__account">
            <span className="sidebar__email" title={email}>
              {email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </div>
    </aside>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const items = [
  { href: "/console/users", label: "Users", icon: "M16 11a4 4 0 1 0-8 0 4 4 0 0 0 8 0Zm-12 9a8 8 0 0 1 16 0" },
  { href: "/console/groups", label: "Groups", icon: "M3 7h18M3 12h18M3 17h18" },
  { href: "/console/devices", label: "Devices", icon: "M4 5h16v10H4zM8 19h8M12 15v4" },
  { href: "/console/profiles", label: "Profiles", icon: "M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7z" },
  { href: "/console/licenses", label: "Licenses", icon: "M7 3h10v18l-5-3-5 3z" },
  { href: "/console/mailbox", label: "Mailbox", icon: "M4 6h16v12H4zM4 7l8 6 8-6" },
  { href: "/console/reports", label: "Reports", icon: "M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6" },
  { href: "/console/audit", label: "Audit", icon: "M9 5h10M9 12h10M9 19h10M4 5h.01M4 12h.01M4 19h.01" },
  { href: "/console/settings", label: "Settings", icon: "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8Zm0-6v3m0 14v3m10-10h-3M5 12H2" },
];

/** The console's navigation (the sidebar, or the phone menu); the current section is marked for screen readers too. */
export function ConsoleNav({ onNavigate }: { onNavigate?: () => void } = {}) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex flex-col gap-1 p-3">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            onClick={onNavigate}
            className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
              active ? "bg-brand-600 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white"
            }`}
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d={item.icon} />
            </svg>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

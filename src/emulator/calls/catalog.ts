import type { CallHandler } from "./context.ts";

const visible = (showCancelled: boolean) => (x: { status: string }) => showCancelled || x.status === "1";
const byNumericId = (a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id);

export const siteinfo: CallHandler = ({ site }) => ({
  site: {
    siteid: site.siteid,
    name: site.name,
    phone: site.phone,
    address: site.address,
    istz: site.settings.istz,
    calendartype: site.settings.calendarType,
  },
});

export const branches: CallHandler = ({ site, p }) => ({
  branches: [...site.branches.values()]
    .filter(visible(p.flag("showcancelled")))
    .sort(byNumericId)
    .map((b) => ({ id: b.id, name: b.name, address: b.address, status: b.status })),
});

/** Higher showorder first (the reference: "higher values are displayed first"); admins (0) last. */
export const staff: CallHandler = ({ site, p }) => ({
  staff: [...site.staff.values()]
    .filter(visible(p.flag("showcancelled")))
    .sort((a, b) => b.showorder - a.showorder || byNumericId(a, b))
    .map((s) => ({
      id: s.id,
      name: s.name,
      branch: s.branch,
      showorder: String(s.showorder),
      status: s.status,
    })),
});

export const services: CallHandler = ({ site, p }) => ({
  services: [...site.services.values()]
    .filter(visible(p.flag("showcancelled")))
    .sort(byNumericId)
    .map((s) => ({
      id: s.id,
      name: s.name,
      duration: String(s.duration),
      price: s.price,
      external: s.external ? "1" : "0",
      status: s.status,
    })),
});

export const staffservice: CallHandler = ({ site, p }) => {
  const all = p.flag("showcancelled");
  const rows = [...site.links].map((k) => {
    const [staffId = "", serviceId = ""] = k.split(":");
    return { staff: staffId, service: serviceId };
  });
  return {
    staffservice: rows.filter(
      (r) => all || (site.staff.get(r.staff)?.status === "1" && site.services.get(r.service)?.status === "1"),
    ),
  };
};

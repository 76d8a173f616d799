import { linkKey, type Site } from "../model.ts";
import { overlaps, slotOccupancy } from "../occupancy.ts";
import { dayRange, tokenMatches } from "../params.ts";
import { newConfToken } from "../random.ts";
import { refuse } from "../refusal.ts";
import { slotShape } from "../wire-shapes.ts";
import type { CallHandler } from "./context.ts";

export const LIST_MAX_ROWS = 1000;
export const LIST_MAX_DAYS = 60;

function requireSlotsCalendar(site: Site): void {
  if (site.settings.calendarType !== "slots") refuse("this site does not use time slots");
}

export const slotinfo: CallHandler = ({ site, p }) => {
  const slot = site.slots.get(p.id("slotid", { required: true }));
  if (!slot) refuse("slot not found");
  return { slot: slotShape(site, slot) };
};

export const addslot: CallHandler = ({ site, p, store }) => {
  requireSlotsCalendar(site);
  const staffId = p.id("staff", { required: true });
  const staff = site.staff.get(staffId);
  if (staff?.status !== "1" || staff.showorder <= 0) refuse("staff not found");
  const services = p.has("services") ? p.required("services") : "0";
  if (services !== "0") {
    if (!site.services.has(services)) refuse("service not found");
    if (!site.links.has(linkKey(staffId, services))) refuse("service is not linked to this staff member");
  }
  const from = p.minute("from");
  const to = p.minute("to");
  if (!(to > from)) refuse("to must be after from");
  const maxmembers = p.int("maxmembers", 1, { min: 1, max: 10000 });
  for (const s of site.slots.values()) {
    if (s.status === "1" && s.staff === staffId && overlaps(s.from, s.to, from, to)) {
      refuse(`slot overlaps another slot of this staff member (slotid ${s.id})`);
    }
  }
  const slot = {
    id: store.nextId("slot"),
    vfib: newConfToken(),
    staff: staffId,
    services,
    from,
    to,
    maxmembers,
    zoom: p.text("zoom").trim(),
    status: "1" as const,
  };
  site.slots.set(slot.id, slot);
  return { slotid: slot.id, vfib: slot.vfib };
};

/** A slot that people are booked on is not silently emptied: cancel their appointments first. */
export const delslot: CallHandler = ({ site, p }) => {
  const slot = site.slots.get(p.id("slotid", { required: true }));
  if (slot?.status !== "1") refuse("slot not found");
  if (!tokenMatches(slot.vfib, p.required("vfib"))) refuse("vfib does not match");
  if (slotOccupancy(site, slot).members > 0) refuse("slot has live appointments");
  slot.status = "0";
  return {};
};

/**
 * More than 1000 matching slots: the first 1000 by start time, no error. A SQL `LIMIT 1000` is
 * what a PHP back end most plausibly does; the client notices a full page and splits the range.
 */
export const slotlist: CallHandler = ({ site, p }) => {
  const { from, to } = dayRange(p, "from", "to", LIST_MAX_DAYS);
  const service = p.id("service");
  const staff = p.id("staff");
  const all = p.flag("showcancelled");
  const rows = [...site.slots.values()]
    .filter((s) => (all || s.status === "1") && s.from >= from && s.from < to)
    .filter((s) => !staff || s.staff === staff)
    .filter(
      (s) =>
        !service ||
        s.services === service ||
        (s.services === "0" && site.links.has(linkKey(s.staff, service))),
    )
    .sort((a, b) => +a.from - +b.from || Number(a.id) - Number(b.id))
    .slice(0, LIST_MAX_ROWS);
  return { slots: rows.map((s) => slotShape(site, s)) };
};

import { addappt, appthistory, apptinfo, delappt, iscoming, showstatus, updateaf } from "./appointments.ts";
import { availability } from "./availability.ts";
import { branches, services, siteinfo, staff, staffservice } from "./catalog.ts";
import type { CallHandler } from "./context.ts";
import { addcust, custinfo, custlist, delcust, editcust } from "./customers.ts";
import { apptbycellortz, apptlist, custappts } from "./lists.ts";
import { addslot, delslot, slotinfo, slotlist } from "./slots.ts";
import { subinfo, subusage } from "./subscriptions.ts";

/** The 27 calls of the reference, by the name that goes in the URL and in the signature. */
export const CALLS: Readonly<Record<string, CallHandler>> = {
  siteinfo,
  branches,
  staff,
  services,
  staffservice,
  slotinfo,
  addslot,
  delslot,
  slotlist,
  apptinfo,
  appthistory,
  addappt,
  delappt,
  apptlist,
  apptbycellortz,
  showstatus,
  updateaf,
  iscoming,
  subinfo,
  subusage,
  custinfo,
  addcust,
  editcust,
  delcust,
  custlist,
  custappts,
  availability,
};

/**
 * The HTTP method each call's reference page gives ("Method | GET" / "POST"). showstatus and
 * iscoming change data and are still GETs. A call made with the other method is refused.
 */
export const CALL_METHODS: Readonly<Record<string, "GET" | "POST">> = {
  siteinfo: "GET",
  branches: "GET",
  staff: "GET",
  services: "GET",
  staffservice: "GET",
  slotinfo: "GET",
  addslot: "POST",
  delslot: "POST",
  slotlist: "GET",
  apptinfo: "GET",
  appthistory: "GET",
  addappt: "POST",
  delappt: "POST",
  apptlist: "GET",
  apptbycellortz: "GET",
  showstatus: "GET",
  updateaf: "POST",
  iscoming: "GET",
  subinfo: "GET",
  subusage: "GET",
  custinfo: "GET",
  addcust: "POST",
  editcust: "POST",
  delcust: "POST",
  custlist: "GET",
  custappts: "GET",
  availability: "GET",
};

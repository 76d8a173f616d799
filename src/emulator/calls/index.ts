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

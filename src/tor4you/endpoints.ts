/**
 * Every call in the Tor4You reference, with its HTTP method as the reference gives it (showstatus
 * and iscoming are GETs that change data) and whether it writes. Writes are never retried blindly.
 */
export const ENDPOINTS = {
  siteinfo: { method: "GET", write: false },
  branches: { method: "GET", write: false },
  staff: { method: "GET", write: false },
  services: { method: "GET", write: false },
  staffservice: { method: "GET", write: false },
  slotinfo: { method: "GET", write: false },
  addslot: { method: "POST", write: true },
  delslot: { method: "POST", write: true },
  slotlist: { method: "GET", write: false },
  apptinfo: { method: "GET", write: false },
  appthistory: { method: "GET", write: false },
  addappt: { method: "POST", write: true },
  delappt: { method: "POST", write: true },
  apptlist: { method: "GET", write: false },
  apptbycellortz: { method: "GET", write: false },
  showstatus: { method: "GET", write: true },
  updateaf: { method: "POST", write: true },
  iscoming: { method: "GET", write: true },
  subinfo: { method: "GET", write: false },
  subusage: { method: "GET", write: false },
  custinfo: { method: "GET", write: false },
  addcust: { method: "POST", write: true },
  editcust: { method: "POST", write: true },
  delcust: { method: "POST", write: true },
  custlist: { method: "GET", write: false },
  custappts: { method: "GET", write: false },
  availability: { method: "GET", write: false },
} as const satisfies Record<string, { method: "GET" | "POST"; write: boolean }>;

export type EndpointName = keyof typeof ENDPOINTS;

/** Limits the reference states, which the client enforces before calling. */
export const API_LIMITS = {
  apptlistDays: 60,
  apptlistRows: 1000,
  slotlistDays: 60,
  slotlistRows: 1000,
  /** Availability: 31 days on open calendars, 60 on time-slot calendars; 500 spots either way. */
  availabilityDays: 60,
  availabilityDaysOpen: 31,
  availabilitySpots: 500,
  custlistRows: 500,
  custapptsRows: 25,
} as const;

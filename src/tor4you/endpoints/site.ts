import { flagParam, optional } from "../inputs.ts";
import type { Branch, Service, SiteInfo, StaffMember, StaffServiceLink } from "../types.ts";
import { type EndpointContext, readList, readOne, type ShowCancelled } from "./context.ts";

export function siteEndpoints({ call, schemas }: EndpointContext) {
  const cancelled = (p: ShowCancelled = {}) => {
    const params: Record<string, string> = {};
    optional(params, "showcancelled", p.showCancelled, flagParam);
    return params;
  };
  return {
    siteinfo: async (): Promise<SiteInfo> =>
      call("siteinfo", {}, readOne(schemas.siteInfo, ["site", "siteinfo", "info"])),
    branches: async (p?: ShowCancelled): Promise<Branch[]> =>
      call("branches", cancelled(p), readList(schemas.branch, ["branches"])),
    staff: async (p?: ShowCancelled): Promise<StaffMember[]> =>
      call("staff", cancelled(p), readList(schemas.staffMember, ["staff", "staffs"])),
    services: async (p?: ShowCancelled): Promise<Service[]> =>
      call("services", cancelled(p), readList(schemas.service, ["services"])),
    staffservice: async (p?: ShowCancelled): Promise<StaffServiceLink[]> =>
      call(
        "staffservice",
        cancelled(p),
        readList(schemas.staffService, ["staffservice", "staffservices", "links"]),
      ),
  };
}

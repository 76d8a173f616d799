import { menuChoice, newToken } from "../choice-ids.ts";
import { choices, done, type StepContext, type StepResult } from "../context.ts";
import type { PersonRequestSink } from "../ports.ts";
import { businessPhone } from "./navigation.ts";

const MAX_FORWARDED = 1000;

/**
 * "Talk to a person": the business's phone to call, and what the customer writes goes to the
 * staff chats as an alert. Typed with a message ("I want to talk to someone about a refund"),
 * that message goes at once; from the menu, the next message does.
 */
export async function talkToPerson(
  ctx: StepContext,
  sink: PersonRequestSink | undefined,
  message?: string,
): Promise<StepResult> {
  const phone = businessPhone(ctx);
  const call = phone ? ctx.t("person-call", { phone }) : "";
  const menu = [{ id: menuChoice("menu"), label: ctx.t("back-to-menu"), nav: true }];
  if (message?.trim() && sink) {
    const told = await forward(ctx, sink, message);
    return done(
      choices([ctx.t(told ? "person-passed-on" : "person-no-staff"), call].filter(Boolean).join("\n"), menu),
    );
  }
  if (!sink) return done(choices([ctx.t("person-no-staff"), call].filter(Boolean).join("\n"), menu));
  return {
    flow: { name: "person", token: newToken() },
    out: [choices([ctx.t("person-ask"), call].filter(Boolean).join("\n"), menu)],
  };
}

/** The customer's message for the staff, typed after "talk to a person". */
export async function personMessage(ctx: StepContext, sink: PersonRequestSink | undefined, text: string) {
  const told = sink ? await forward(ctx, sink, text) : false;
  const menu = [{ id: menuChoice("menu"), label: ctx.t("back-to-menu"), nav: true }];
  const phone = businessPhone(ctx);
  const call = phone ? ctx.t("person-call", { phone }) : "";
  return done(
    choices([ctx.t(told ? "person-passed-on" : "person-no-staff"), call].filter(Boolean).join("\n"), menu),
  );
}

async function forward(ctx: StepContext, sink: PersonRequestSink, text: string): Promise<boolean> {
  const name = [ctx.identity?.first, ctx.identity?.last].filter(Boolean).join(" ");
  try {
    const chats = await sink(ctx.address.site, {
      from: ctx.address,
      text: text.trim().slice(0, MAX_FORWARDED),
      cell: ctx.identity?.cell,
      name: name || undefined,
    });
    return chats > 0;
  } catch {
    return false;
  }
}

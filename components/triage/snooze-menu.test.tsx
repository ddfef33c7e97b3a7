// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { snoozeSchema } from "@/lib/contract/unmapped";
import { installDialogMethods } from "@/components/ui/jsdom-dialog";
import { SnoozeMenu } from "./snooze-menu";

beforeAll(installDialogMethods);
afterEach(cleanup);

/** The contract's own word on a number of sightings. */
const contractMessage = (sightings: number) => snoozeSchema.shape.sightings.safeParse(sightings).error?.issues[0]?.message;

async function openMenu() {
  const onSnooze = vi.fn();
  render(<SnoozeMenu id="test-snooze" onSnooze={onSnooze} />);
  await userEvent.click(screen.getByRole("button", { name: "Snooze…" }));
  const dialog = screen.getByRole("dialog", { name: "Ignore until…" });
  return { onSnooze, dialog: within(dialog) };
}

describe("the snooze menu", () => {
  it("refuses a number of sightings the contract refuses, with the contract's message, and snoozes nothing", async () => {
    const { onSnooze, dialog } = await openMenu();
    const sightings = dialog.getByLabelText("More sightings");
    for (const bad of [0, 1_000_001]) {
      await userEvent.clear(sightings);
      await userEvent.type(sightings, String(bad));
      await userEvent.click(dialog.getByRole("button", { name: "Snooze for these sightings" }));
      const message = contractMessage(bad);
      expect(message).toBeTruthy();
      expect(dialog.getByRole("alert").textContent).toBe(message);
      expect(sightings.getAttribute("aria-invalid")).toBe("true");
      expect(document.getElementById(sightings.getAttribute("aria-describedby") ?? "")?.textContent).toBe(message);
    }
    expect(onSnooze).not.toHaveBeenCalled();
    expect(screen.getByRole("dialog").hasAttribute("open")).toBe(true);
  });

  it("snoozes for a good number of sightings, in words, and closes", async () => {
    const { onSnooze, dialog } = await openMenu();
    const sightings = dialog.getByLabelText("More sightings");
    await userEvent.clear(sightings);
    await userEvent.type(sightings, "3");
    await userEvent.type(sightings, "{Enter}");
    expect(onSnooze).toHaveBeenCalledExactlyOnceWith({ sightings: 3 }, "until 3 more sightings");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("asks for a moment in the future before snoozing until then", async () => {
    const { onSnooze, dialog } = await openMenu();
    await userEvent.click(dialog.getByRole("button", { name: "Snooze until then" }));
    expect(dialog.getByRole("alert").textContent).toBe("Pick a moment in the future");
    const until = dialog.getByLabelText("Sighted after", { selector: "input" });
    await userEvent.type(until, "2001-01-01T10:00");
    await userEvent.click(dialog.getByRole("button", { name: "Snooze until then" }));
    expect(dialog.getByRole("alert").textContent).toBe("Pick a moment in the future");
    expect(onSnooze).not.toHaveBeenCalled();

    await userEvent.clear(until);
    await userEvent.type(until, "2999-01-01T10:00");
    await userEvent.click(dialog.getByRole("button", { name: "Snooze until then" }));
    expect(onSnooze).toHaveBeenCalledOnce();
    expect(onSnooze.mock.calls[0][0]).toEqual({ until: new Date("2999-01-01T10:00").toISOString() });
  });
});

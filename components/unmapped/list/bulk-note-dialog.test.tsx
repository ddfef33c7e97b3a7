// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addNoteSchema, NOTES_MAX } from "@/lib/contract/unmapped";
import { installDialogMethods } from "@/components/ui/jsdom-dialog";
import { BulkNoteButton } from "./bulk-note-dialog";

beforeAll(installDialogMethods);
afterEach(cleanup);

async function openDialog() {
  const onAdd = vi.fn();
  render(<BulkNoteButton onAdd={onAdd} />);
  await userEvent.click(screen.getByRole("button", { name: "Add note…" }));
  return { onAdd, dialog: within(screen.getByRole("dialog", { name: "Add a note" })) };
}

describe("the bulk note dialog", () => {
  it("refuses a blank note and one over the limit with the contract's messages, and adds nothing", async () => {
    const { onAdd, dialog } = await openDialog();
    const note = dialog.getByLabelText("Note");
    const tooLong = "x".repeat(NOTES_MAX + 1);
    for (const bad of ["   ", tooLong]) {
      await userEvent.clear(note);
      // Pasted: typing 2,001 characters one by one is slow and says nothing more.
      await userEvent.click(note);
      await userEvent.paste(bad);
      await userEvent.click(dialog.getByRole("button", { name: "Add note" }));
      const message = addNoteSchema.safeParse(bad).error?.issues[0]?.message;
      expect(message).toBeTruthy();
      expect(note.getAttribute("aria-invalid")).toBe("true");
      const described = (note.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
      expect(described).toContain(message);
    }
    expect(onAdd).not.toHaveBeenCalled();
  });

  it("adds a note as typed, trimmed by the contract's rule, and empties the box", async () => {
    const { onAdd, dialog } = await openDialog();
    const note = dialog.getByLabelText("Note");
    await userEvent.type(note, "  Player props: not offered  ");
    await userEvent.click(dialog.getByRole("button", { name: "Add note" }));
    expect(onAdd).toHaveBeenCalledExactlyOnceWith("Player props: not offered");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect((note as HTMLTextAreaElement).value).toBe("");
  });
});

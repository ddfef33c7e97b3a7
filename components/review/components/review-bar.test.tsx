// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReviewBar } from "./review-bar";

afterEach(cleanup);

const decisions = (over: { busy?: string | null; canUndo?: boolean } = {}) =>
  ({ busy: null, canUndo: true, undo: vi.fn(), ...over }) as unknown as Parameters<typeof ReviewBar>[0]["decisions"];

describe("ReviewBar", () => {
  it("lets a viewer skip but not decide, and says why", async () => {
    const onSkip = vi.fn();
    render(<ReviewBar canDecide={false} decisions={decisions()} shown open onIgnore={vi.fn()} onSkip={onSkip} />);
    expect((screen.getByRole("button", { name: /Ignore/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: /Undo/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("button", { name: /Ignore/ }).title).toContain("Viewers can look but not decide");
    expect(screen.getByRole("status").textContent).toContain("Viewers can look but not decide");
    await userEvent.click(screen.getByRole("button", { name: /Skip/ }));
    expect(onSkip).toHaveBeenCalledOnce();
  });

  it("gives a triager every button, and none while a decision is going", () => {
    const { rerender } = render(<ReviewBar canDecide decisions={decisions()} shown open onIgnore={vi.fn()} onSkip={vi.fn()} />);
    for (const name of [/Ignore/, /Skip/, /Undo/]) expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(false);
    rerender(<ReviewBar canDecide decisions={decisions({ busy: "map the market" })} shown open onIgnore={vi.fn()} onSkip={vi.fn()} />);
    for (const name of [/Ignore/, /Skip/, /Undo/]) expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole("status").textContent).toBe("Map the market…");
  });
});

export interface Shortcut {
  keys: string[];
  action: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: "Market list",
    shortcuts: [
      { keys: ["j"], action: "Next market (continues on the next page)" },
      { keys: ["k"], action: "Previous market" },
      { keys: ["Enter"], action: "Open the selected market" },
      { keys: ["a"], action: "Acknowledge the selected market" },
      { keys: ["i"], action: "Ignore the selected market" },
      { keys: ["x"], action: "Check or uncheck the selected market (for bulk changes)" },
      { keys: ["Shift", "j"], action: "Extend the check to the next market" },
      { keys: ["Shift", "k"], action: "Extend the check to the previous market" },
      { keys: ["e"], action: "Assign the checked markets (or the selected one) to me" },
      { keys: ["s"], action: "Snooze the checked markets (or the selected one): ignore until…" },
      { keys: ["z"], action: "Undo the latest change" },
      { keys: ["c"], action: "Comment on the selected market" },
      { keys: ["/"], action: "Search" },
    ],
  },
  {
    title: "Market page",
    shortcuts: [
      { keys: ["j"], action: "Next market in the list" },
      { keys: ["k"], action: "Previous market in the list" },
      { keys: ["a"], action: "Acknowledge" },
      { keys: ["i"], action: "Ignore" },
      { keys: ["e"], action: "Assign to me" },
      { keys: ["s"], action: "Snooze: ignore until…" },
      { keys: ["z"], action: "Undo the latest change" },
      { keys: ["n"], action: "Edit notes" },
      { keys: ["c"], action: "Comment" },
      { keys: ["Ctrl", "Enter"], action: "Save notes or comment (while editing)" },
      { keys: ["u"], action: "Back to the list" },
    ],
  },
  {
    title: "Review queue",
    shortcuts: [
      { keys: ["1"], action: "Accept candidate 1 (to 9): check the prices, then map" },
      { keys: ["x"], action: "Ignore the market" },
      { keys: ["Space"], action: "Skip it (until the page is reloaded)" },
      { keys: ["z"], action: "Undo the latest decision" },
    ],
  },
  {
    title: "Anywhere",
    shortcuts: [
      { keys: ["?"], action: "Show these shortcuts" },
      { keys: ["Alt", "T"], action: "Jump to notifications" },
      { keys: ["Esc"], action: "Close this dialog" },
    ],
  },
];

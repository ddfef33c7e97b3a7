"use client";
// Toasts never cover the page. Sonner's toaster is fixed to the window's bottom-right corner, where
// on a laptop it sat on the market page's triage card for the alert's 20 seconds. While any toast
// is on screen, the app shell gives up a lane at its bottom as tall as the toast stack (the CSS
// variable --toast-lane, see app-shell.module.css), so the scrolling main area ends above the toasts
// whatever is scrolled under them. Toasts slide in, stack and expand on hover by CSS transforms,
// which no resize or mutation event reports, so the stack is measured every frame while toasts show.
import { useEffect } from "react";
import { useSonner } from "sonner";

/** Room between the main area's bottom edge and the highest toast. */
const GAP = 8;
const LANE = "--toast-lane";

/** How far above the window's bottom edge the toasts on screen reach, plus the gap; 0 with none. */
function laneHeight(): number {
  let top = window.innerHeight;
  for (const toast of document.querySelectorAll<HTMLElement>('[data-sonner-toaster][data-y-position="bottom"] [data-sonner-toast]')) {
    // Leaving, or beyond the toaster's visible count (transparent): they take no room.
    if (toast.dataset.removed === "true" || toast.dataset.visible === "false") continue;
    top = Math.min(top, toast.getBoundingClientRect().top);
  }
  return top >= window.innerHeight ? 0 : Math.ceil(window.innerHeight - top + GAP);
}

export function ToastLane() {
  const showing = useSonner().toasts.length > 0;
  useEffect(() => {
    if (!showing) return;
    const root = document.documentElement.style;
    let frame = 0;
    let lane = -1;
    const measure = () => {
      const next = laneHeight();
      if (next !== lane) root.setProperty(LANE, `${(lane = next)}px`);
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => {
      cancelAnimationFrame(frame);
      root.removeProperty(LANE);
    };
  }, [showing]);
  return null;
}

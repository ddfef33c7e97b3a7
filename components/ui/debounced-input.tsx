"use client";
// An input whose value reaches its owner (the URL) only after the user pauses typing, while still
// following the owner when it changes elsewhere (back button, "clear filters").
import { useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent, type Ref } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue"> & {
  value: string;
  onCommit: (value: string) => void;
  delay?: number;
  inputRef?: Ref<HTMLInputElement>;
};

export function DebouncedInput({ value, onCommit, delay = 300, inputRef, onKeyDown, ...rest }: Props) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commitRef = useRef(onCommit);
  useEffect(() => {
    commitRef.current = onCommit;
  });

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  const commit = (next: string) => {
    if (next === committed.current) return;
    committed.current = next;
    commitRef.current(next);
  };

  useEffect(() => {
    const next = text.trim();
    if (next === committed.current) return;
    const t = setTimeout(() => commit(next), delay);
    return () => clearTimeout(t);
  }, [text, delay]);

  const handleKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(e);
    if (e.defaultPrevented) return;
    if (e.key === "Enter") commit(text.trim());
    if (e.key === "Escape") {
      if (text) {
        e.preventDefault();
        setText("");
        commit("");
      } else e.currentTarget.blur();
    }
  };

  return <input {...rest} ref={inputRef} value={text} onChange={(e) => setText(e.target.value)} onKeyDown={handleKeyDown} />;
}

/** Options shared by commands: language, colour. */
import { Option } from "commander";
import type { Lang } from "../report/messages.js";

export function langOption(): Option {
  return new Option("--lang <lang>", "bahasa pesan / message language").choices(["id", "en"]).default("id");
}

/** Colour only on a terminal, never with NO_COLOR or --no-color. */
export function useColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  return flag !== false && stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

export function asLang(v: unknown): Lang {
  return v === "en" ? "en" : "id";
}

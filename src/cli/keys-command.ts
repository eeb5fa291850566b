import type { Command } from "commander";
import { langOption } from "./options.js";

export function declareKeys(program: Command, setExit: (code: number) => void): void {
  const keys = program
    .command("keys")
    .description("kunci tanda tangan sertifikat kantor (Ed25519) / the office's certificate signing keys (Ed25519)");
  keys
    .command("init")
    .description("buat pasangan kunci di DIR/kunci / create the key pair in DIR/kunci")
    .argument("[dir]", "folder ruang kerja (bawaan: ./data) / workspace folder (default: ./data)")
    .option("--force", "ganti kunci yang ada (kunci publik lama disimpan) / replace existing keys (the old public key is kept)")
    .addOption(langOption())
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runKeysInit } = await import("./keys.js");
      setExit(await runKeysInit(dir, opts));
    });
  keys
    .command("show")
    .description("tampilkan kunci publik yang diumumkan kantor / print the public key the office publishes")
    .argument("[dir]", "folder ruang kerja (bawaan: ./data) / workspace folder (default: ./data)")
    .addOption(langOption())
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runKeysShow } = await import("./keys.js");
      setExit(await runKeysShow(dir, opts));
    });
}

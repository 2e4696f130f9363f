// Municipality names by code (schemas/municipalities.json); a code without a name shows as itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { schemasDir } from "../system/paths.js";

const File = z.strictObject({ $comment: z.string().optional(), municipalities: z.record(z.string().regex(/^\d{4}$/), z.string().min(1)) });

let names: Record<string, string> | undefined;

export function municipalityName(code: string): string {
  names ??= File.parse(JSON.parse(readFileSync(join(schemasDir, "municipalities.json"), "utf8"))).municipalities;
  return names[code] ?? code;
}

// Times written out with a "Z" are UTC whatever the machine's time zone: DuckDB formats a TIMESTAMPTZ
// in its session's zone, which is the process's TZ unless openDb sets it (pipeline/db/connection.ts).
// Run in a child process under TZ=Europe/Stockholm, with the compiled modules (npm test compiles first).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../pipeline/system/paths.js";

const dist = join(packageRoot, "dist", "pipeline");

describe.runIf(existsSync(join(dist, "db", "connection.js")))("times in UTC whatever the machine's zone", () => {
  it("quality.html's first-seen time and the freshness table's last load are the stored instant in UTC", () => {
    const script = `
      import { openDb, sqlText } from ${JSON.stringify(join(dist, "db", "connection.js"))};
      import { initDatabase } from ${JSON.stringify(join(dist, "db", "tables.js"))};
      import { installMacros } from ${JSON.stringify(join(dist, "db", "macros.js"))};
      import { schema } from ${JSON.stringify(join(dist, "contract", "schema.js"))};
      const db = await openDb(":memory:");
      await initDatabase(db, schema());
      await installMacros(db);
      await db.run("INSERT INTO files (file_id, sha256, seq, municipality, name, size, mtime, run_id, first_seen, kind, status, archived_as) VALUES (1, 'x', 1, '0114', 'a.csv', 1, TIMESTAMPTZ '2026-01-15 10:00:00+00', 1, TIMESTAMPTZ '2026-01-15 10:00:00+00', 'bistand', 'accepted', 'x.csv')");
      await db.run("INSERT INTO bistand_months VALUES ('0114', DATE '2025-12-01', 1, 10)");
      const [q] = await db.all(sqlText("site/quality_files"));
      const f = (await db.all(sqlText("site/freshness"))).find((r) => r.municipality === "0114");
      console.log(JSON.stringify({ zone: new Date(Date.UTC(2026, 0, 15, 10)).getHours(), first: q.first_seen, last: f.last_loaded }));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { env: { ...process.env, TZ: "Europe/Stockholm" }, encoding: "utf8" });
    const got = JSON.parse(out.trim().split("\n").pop()!);
    expect(got.zone).toBe(11); // the child's clock is Stockholm's
    expect(got.first).toBe("2026-01-15T10:00:00Z");
    expect(got.last).toBe("2026-01-15T10:00:00Z");
  });
});

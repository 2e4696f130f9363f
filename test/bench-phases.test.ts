// The benchmark's --trace split into the run's phases (bench/phases.ts) by the statements that mark them:
// the markers must match the labels bench/trace.ts gives kas's own statements, read from sql/ — a
// marker written for a statement's text stops matching once the statement moves into a file.
import { describe, expect, it } from "vitest";
import { phasesOf } from "../bench/phases.js";
import { labelOf, sqlSignatures, type TraceCall } from "../bench/trace.js";
import { sqlText } from "../pipeline/db/connection.js";
import { martVars } from "../pipeline/publish/marts.js";
import { schema } from "../pipeline/contract/schema.js";

describe("the benchmark's phases", () => {
  it("are marked by the labels of the statements a run sends, in the order it sends them", () => {
    const signatures = sqlSignatures();
    const label = (sql: string) => labelOf(sql, signatures);
    const calls: TraceCall[] = [
      [0.1, 0.01, label("SELECT 42")],
      [0.5, 0.02, label(sqlText("runs/inbox_seen"))],
      [1.0, 3.0, label(sqlText("load/mart_scope", martVars(schema(), 1)))], // any statement of the load
      [6.0, 0.01, label(sqlText("runs/finish_run"))],
      [6.5, 0.1, label(sqlText("schema/marts"))],
      [7.0, 2.0, label(sqlText("marts/indicator_counts", martVars(schema(), 1)))],
      [12.0, 0.5, label("CHECKPOINT")]
    ];
    expect(calls.map((c) => c[2]).slice(1, 5)).toEqual(["sql/runs/inbox_seen.sql", "sql/load/mart_scope.sql", "sql/runs/finish_run.sql", "sql/schema/marts.sql"]);
    const phases = phasesOf({ processSeconds: 13, calls });
    expect(phases.map((p) => [p.phase, p.seconds])).toEqual([
      ["start and setup", 0.5],
      ["ingest", 5.5],
      ["after ingest", 0.5],
      ["reports", 5.5],
      ["checkpoint and close", 1]
    ]);
    expect(phases[3].top.map((t) => t.label)).toEqual(["sql/marts/indicator_counts.sql", "sql/schema/marts.sql"]);
  });
});

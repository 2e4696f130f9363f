// Comparison groups (contract §13), by hand: a group's mean follows the network mean's rules over its
// members only; a group without a member in the network publishes nothing; a municipality may be in
// several groups.
import { describe, expect, it } from "vitest";
import { groupMeans, groupsInNetwork } from "../pipeline/publish/groups.js";
import type { PublishedRow } from "../pipeline/withhold/model.js";
import { schema } from "../pipeline/contract/schema.js";

const row = (municipality: string, value: number | null, status: PublishedRow["status"] = ""): PublishedRow => ({
  indicator: "long_term_share", municipality, year: 2024, gender: "T", value, numerator: value === null ? null : 0, denominator: null, status
});
const rows = [row("0114", 40.5), row("0115", 12.0), row("0117", 40.4), row("0120", null, ".."), row("0123", 7.3), row("0125", null, "-")];
const settings = {
  storstad: { sv: "Storstäder", municipalities: ["0180", "1280"] },
  norr: { sv: "Norra", municipalities: ["0114", "0115", "0120"] },
  syd: { sv: "Södra", municipalities: ["0115", "0117", "0123", "0125"] }
};

describe("comparison groups (§13)", () => {
  const groups = groupsInNetwork(settings, rows.map((r) => r.municipality));

  it("keeps the groups with a member in the network, with the members found", () => {
    expect(groups).toEqual([{ id: "norr", members: ["0114", "0115", "0120"] }, { id: "syd", members: ["0115", "0117", "0123", "0125"] }]);
  });

  it("averages the members' published values only, as the network mean does", () => {
    const out = groupMeans(rows, groups, schema().indicators);
    // norr: (40.5 + 12.0) / 2 = 26.25 → 26.3 (0120 withheld, not averaged)
    expect(out.find((f) => f.municipality === "group:norr")).toMatchObject({ value: 26.3, numerator: 52.5, denominator: 2, status: "", rank: null });
    // syd: (12.0 + 40.4 + 7.3) / 3 = 19.9 (0125 has no data); 0115 is in both groups
    expect(out.find((f) => f.municipality === "group:syd")).toMatchObject({ value: 19.9, numerator: 59.7, denominator: 3, status: "" });
    expect(out.every((f) => f.municipality.startsWith("group:"))).toBe(true);
  });
});

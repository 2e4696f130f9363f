// The official municipality lists (schemas/municipalities.json): Sweden's 290, Norway's codes of
// 2019, 2020–2023 and from 2024 with the reforms between them, names per year, and codes that mean
// one municipality in Sweden and another in Norway.
import { describe, expect, it } from "vitest";
import { checkMunicipality, municipalities, municipalityName, validIn, type Country } from "../pipeline/contract/municipalities.js";

const validCodes = (country: Country, year: number) => municipalities(country).filter((m) => validIn(m, year)).map((m) => m.code);

describe("the official lists", () => {
  it("has Sweden's 290 municipalities in every year since 2007, with Heby's code change", () => {
    for (const year of [2007, 2017, 2024, 2025, 2026]) expect(validCodes("SE", year), String(year)).toHaveLength(290);
    expect(validCodes("SE", 2006)).toHaveLength(290); // Heby as 1917, not yet 0331
    expect(validCodes("SE", 2006)).toContain("1917");
    expect(validCodes("SE", 2006)).not.toContain("0331");
    expect(validCodes("SE", 2002)).not.toContain("0330"); // Knivsta from 2003
    const se = validCodes("SE", 2025);
    expect(se[0]).toBe("0114");
    expect(se[se.length - 1]).toBe("2584");
    for (const code of se) expect(code).toMatch(/^(01|03|04|05|06|07|08|09|10|12|13|14|17|18|19|20|21|22|23|24|25)\d\d$/);
    expect(Object.fromEntries(["0120", "0128", "0181", "0182", "0183", "0192", "0380", "0330", "2584"].map((c) => [c, municipalityName(c)]))).toEqual({
      "0120": "Värmdö", "0128": "Salem", "0181": "Södertälje", "0182": "Nacka", "0183": "Sundbyberg", "0192": "Nynäshamn",
      "0380": "Uppsala", "0330": "Knivsta", "2584": "Kiruna"
    });
  });

  it("has Norway's 422 codes of 2019, 356 of 2020–2023 and 357 from 2024", () => {
    expect(validCodes("NO", 2019)).toHaveLength(422);
    for (const year of [2020, 2021, 2022, 2023]) expect(validCodes("NO", year), String(year)).toHaveLength(356);
    for (const year of [2024, 2025]) expect(validCodes("NO", year), String(year)).toHaveLength(357);
    // the county number is the code's first two digits: the counties of 2024
    const counties = new Set(validCodes("NO", 2024).map((c) => c.slice(0, 2)));
    expect([...counties].sort()).toEqual(["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"]);
  });

  it("names a code of either country, and a code no list has as itself", () => {
    expect(municipalityName("3201")).toBe("Bærum");
    expect(municipalityName("1804")).toBe("Bodø");
    expect(municipalityName("4001", 2025, "NO")).toBe("Porsgrunn");
    expect(municipalityName("9998")).toBe("9998");
    expect(municipalityName("0000", 2024, "NO")).toBe("0000");
  });

  it("gives the name of the year shown", () => {
    expect(municipalityName("0301", 2024, "NO")).toBe("Oslo");
    expect(municipalityName("0301", 2026, "NO")).toBe("Oslo - Oslove");
    expect(municipalityName("1818", 2019, "NO")).toBe("Herøy");
    expect(municipalityName("1818", 2020, "NO")).toBe("Herøy (Nordland)");
    // 3024 was Bærum's code until 2023: with a year, the municipality whose code it was then
    expect(municipalityName("3024", 2022, "NO")).toBe("Bærum");
  });
});

describe("codes that collide between Sweden and Norway", () => {
  it("accepts a code valid in either country and names the preferred country's municipality", () => {
    expect(checkMunicipality("1860", [2024, 2025])).toEqual({ ok: true, country: "SE", code: "1860", name: "Laxå", also: [{ country: "NO", name: "Vestvågøy" }] });
    expect(checkMunicipality("1860", [2024, 2025], "NO")).toEqual({ ok: true, country: "NO", code: "1860", name: "Vestvågøy", also: [{ country: "SE", name: "Laxå" }] });
    expect(municipalityName("1860")).toBe("Laxå");
    expect(municipalityName("1860", 2025, "NO")).toBe("Vestvågøy");
  });

  it("takes the country whose municipality had the code in those years", () => {
    // 0128: Salem in Sweden; Rakkestad in Norway until 2019
    expect(checkMunicipality("0128", [2019], "NO")).toMatchObject({ ok: true, country: "NO", name: "Rakkestad", also: [{ country: "SE", name: "Salem" }] });
    expect(checkMunicipality("0128", [2024], "NO")).toMatchObject({ ok: true, country: "SE", name: "Salem", also: [] });
    expect(municipalityName("0128", 2019, "NO")).toBe("Rakkestad");
    expect(municipalityName("0128", 2024, "NO")).toBe("Salem");
    // 1917: Heby in Sweden until 2006, Ibestad in Norway until 2019
    expect(checkMunicipality("1917", [2005])).toMatchObject({ ok: true, country: "SE", name: "Heby", also: [{ country: "NO", name: "Ibestad" }] });
    expect(checkMunicipality("1917", [2010])).toMatchObject({ ok: true, country: "NO", name: "Ibestad", also: [] });
  });
});

describe("checkMunicipality: a code that is not a municipality in the extract's years", () => {
  it("follows an old Norwegian code through both reforms: Bærum 0219 → 3024 (2020) → 3201 (2024)", () => {
    expect(checkMunicipality("0219", [2024, 2025], "NO")).toEqual({
      ok: false, reason: "replaced", code: "0219", country: "NO", name: "Bærum", to: 2019, years: [2024, 2025],
      successors: [{ code: "3024", name: "Bærum", from: 2020 }, { code: "3201", name: "Bærum", from: 2024 }]
    });
    // the code of 2020–2023 in an extract that reaches into 2024: only 2024 is wrong
    expect(checkMunicipality("3024", [2023, 2024], "NO")).toEqual({
      ok: false, reason: "replaced", code: "3024", country: "NO", name: "Bærum", to: 2023, years: [2024],
      successors: [{ code: "3201", name: "Bærum", from: 2024 }]
    });
    expect(checkMunicipality("3024", [2022, 2023])).toMatchObject({ ok: true, country: "NO", name: "Bærum" });
  });

  it("names a merger and a division: Ski → Nordre Follo, Ålesund → Ålesund and Haram, Tysfjord → Narvik and Hamarøy", () => {
    expect(checkMunicipality("0213", [2025], "NO")).toMatchObject({
      reason: "replaced", name: "Ski", to: 2019, successors: [{ code: "3020", name: "Nordre Follo", from: 2020 }, { code: "3207", name: "Nordre Follo", from: 2024 }]
    });
    expect(checkMunicipality("1507", [2024], "NO")).toMatchObject({
      reason: "replaced", name: "Ålesund", to: 2023, successors: [{ code: "1508", name: "Ålesund", from: 2024 }, { code: "1580", name: "Haram", from: 2024 }]
    });
    expect(checkMunicipality("1850", [2020], "NO")).toMatchObject({
      reason: "replaced", to: 2019, successors: [{ code: "1806", name: "Narvik", from: 2020 }, { code: "1875", from: 2020 }]
    });
    // Sweden's only code change since 1992: Heby 1917 → 0331 in 2007
    expect(checkMunicipality("1917", [2024], "SE")).toMatchObject({ reason: "replaced", country: "SE", name: "Heby", to: 2006, successors: [{ code: "0331", name: "Heby", from: 2007 }] });
  });

  it("says when a code was valid in other years only, and when no list has it", () => {
    expect(checkMunicipality("3201", [2023, 2024], "NO")).toEqual({ ok: false, reason: "other_years", code: "3201", country: "NO", name: "Bærum", from: 2024, to: null, years: [2023] });
    expect(checkMunicipality("0330", [2002], "SE")).toMatchObject({ reason: "other_years", name: "Knivsta", from: 2003, years: [2002] });
    expect(checkMunicipality("9998", [2024])).toEqual({ ok: false, reason: "unknown", code: "9998" });
    expect(checkMunicipality("3000", [2024], "NO")).toEqual({ ok: false, reason: "unknown", code: "3000" });
  });

  it("accepts every sample municipality in the sample years", () => {
    for (const code of ["0120", "0128", "0181", "0182", "0183", "0192"]) expect(checkMunicipality(code, [2024, 2025], "SE"), code).toMatchObject({ ok: true, country: "SE" });
    for (const code of ["3201", "1804", "3101", "4001", "5503"]) expect(checkMunicipality(code, [2024, 2025], "NO"), code).toMatchObject({ ok: true, country: "NO" });
  });
});

import { describe, expect, it } from "vitest";
import { LANDMARKS } from "./catalog";
import { findLandmark, findLandmarks, findRegion, landmarksInRegion } from "./match";

describe("findLandmark", () => {
  it.each([
    ["The Eiffel Tower at dusk", "eiffel-tower"],
    ["eiffel", "eiffel-tower"],
    ["la tour eiffel", "eiffel-tower"],
    ["the tower of eiffel", "eiffel-tower"],
    ["Sacré-Cœur", "sacre-coeur"],
    ["sacre coeur", "sacre-coeur"],
    ["SACRE-COEUR in watercolour", "sacre-coeur"],
    ["Notre Dame", "notre-dame"],
    ["notre-dame de paris", "notre-dame"],
    ["a glass louvre pyramid", "louvre-pyramid"],
    ["the Panthéon, Paris", "pantheon-paris"],
    ["the Panthéon at dusk", "pantheon-paris"],
    ["the pantheon", "pantheon-rome"],
    ["the pantheon in Rome", "pantheon-rome"],
    ["opera garnier at night", "opera-garnier"],
    ["the Luxor obelisk", "luxor-obelisk"],
    ["obelisk of Luxor", "luxor-obelisk"],
    ["moulin rouge", "moulin-rouge"],
    ["Pont Alexandre III", "pont-alexandre-iii"],
    ["les invalides", "les-invalides"],
    ["montparnasse tower", "tour-montparnasse"],
    ["big ben", "big-ben"],
    ["Liberty statue in bronze", "statue-of-liberty"],
    ["statue of liberty", "statue-of-liberty"],
    ["pisa tower", "leaning-tower-of-pisa"],
    ["the tower of Pisa", "leaning-tower-of-pisa"],
    ["Tower Bridge in the fog", "tower-bridge"],
    ["tower of london", "tower-of-london"],
    ["Saint Peter's Basilica", "st-peters-basilica"],
    ["st. peters basilica", "st-peters-basilica"],
    ["Mt. Fuji", "mount-fuji"],
    ["kinkakuji", "kinkaku-ji"],
    ["the Golden Pavilion", "kinkaku-ji"],
    ["SAGRADA FAMILIA", "sagrada-familia"],
    ["Chichen Itza", "chichen-itza"],
    ["Kölner Dom", "cologne-cathedral"],
    ["the Gherkin", "gherkin"],
    ["empire state building", "empire-state-building"],
  ])("%s → %s", (text, id) => {
    expect(findLandmark(text)?.id).toBe(id);
  });

  it.each(["a banana", "quantum", "", "   ", "a tower", "a red bridge", "eiffelish", "pantheonic", "big", "liberty"])(
    "%j names no landmark",
    (text) => {
      expect(findLandmark(text)).toBeNull();
    },
  );
});

describe("findLandmarks", () => {
  it("lists every mention in order of appearance, once each", () => {
    const ids = findLandmarks("Big Ben, then the Eiffel Tower, the Colosseum and Big Ben again").map((l) => l.id);
    expect(ids).toEqual(["big-ben", "eiffel-tower", "colosseum"]);
  });

  it("reads an ambiguous name from its neighbours", () => {
    expect(findLandmarks("Eiffel Tower and the Pantheon").map((l) => l.id)).toEqual(["eiffel-tower", "pantheon-paris"]);
    expect(findLandmarks("Colosseum and the Pantheon").map((l) => l.id)).toEqual(["colosseum", "pantheon-rome"]);
  });

  it("prefers the longer name where names overlap", () => {
    expect(findLandmarks("Tower Bridge").map((l) => l.id)).toEqual(["tower-bridge"]);
    expect(findLandmarks("Luxor Temple").map((l) => l.id)).toEqual(["luxor-temple"]);
  });
});

describe("findRegion", () => {
  it.each([
    ["a gallery of the monuments of Paris at dusk", "paris"],
    ["Parisian landmarks", "paris"],
    ["Egyptian wonders", "egypt"],
    ["ancient egypt", "egypt"],
    ["Japanese temples", "japan"],
    ["Roman ruins", "rome"],
    ["London by night", "london"],
    ["NYC skyline", "new-york"],
    ["the best of New York", "new-york"],
    ["Italian towers", "italy"],
  ])("%s → %s", (text, region) => {
    expect(findRegion(text)).toBe(region);
  });

  it.each(["a banana", "York minster", "newly built"])("%j names no region", (text) => {
    expect(findRegion(text)).toBeNull();
  });
});

describe("catalogue", () => {
  it("has unique ids and every landmark findable by its name and city", () => {
    expect(new Set(LANDMARKS.map((l) => l.id)).size).toBe(LANDMARKS.length);
    for (const landmark of LANDMARKS) {
      const text = `${landmark.name}, ${landmark.city}`;
      expect(findLandmark(text)?.id, text).toBe(landmark.id);
    }
  });

  it("lists the twelve Paris monuments famous first", () => {
    const paris = landmarksInRegion("paris");
    expect(paris).toHaveLength(12);
    expect(paris[0]?.id).toBe("eiffel-tower");
  });

  it("includes a city's landmarks in its country", () => {
    const italy = landmarksInRegion("italy").map((l) => l.id);
    expect(italy).toContain("colosseum");
    expect(italy).toContain("leaning-tower-of-pisa");
  });

  it("has several landmarks in each featured region", () => {
    for (const region of ["egypt", "japan", "rome", "london", "new-york"] as const) {
      expect(landmarksInRegion(region).length, region).toBeGreaterThanOrEqual(6);
    }
  });
});

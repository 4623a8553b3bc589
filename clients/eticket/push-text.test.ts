import { describe, expect, it } from "vitest";
import { pushNotice, readPushPayload } from "./push-text.ts";

const url = "https://numerek.example/t/demo.AAAAAAAAAAAAAAAAAAAAAA";

describe("the e-ticket's push notification texts", () => {
  it("says the turn is near, with the people ahead, in the ticket's language", () => {
    expect(pushNotice({ v: 1, kind: "near", number: "R003", ahead: 2, lang: "pl", url })).toMatchObject({
      title: "Twoja kolej się zbliża: R003",
      body: "Przed Tobą są 2 osoby. Podejdź bliżej sali obsługi.",
      tag: "numerek-R003",
    });
    expect(pushNotice({ v: 1, kind: "near", number: "R003", ahead: 0, lang: "en", url }).body).toBe("You are next in the queue.");
    expect(pushNotice({ v: 1, kind: "near", number: "R003", ahead: 5, lang: "uk", url }).title).toBe("Ваша черга наближається: R003");
  });

  it("invites the number to its desk at the call", () => {
    expect(pushNotice({ v: 1, kind: "called", number: "R003", desk: "4", lang: "pl", url }).title).toBe(
      "Numer R003: zapraszamy do stanowiska 4",
    );
    expect(pushNotice({ v: 1, kind: "called", number: "R003", desk: "4", lang: "en", url }).title).toBe("Number R003: please go to desk 4");
  });

  it("ignores a payload that is not numerek's", () => {
    expect(readPushPayload({ v: 1, kind: "near", number: "R003", ahead: 1, lang: "pl", url })).not.toBeNull();
    expect(readPushPayload({ v: 2, kind: "near", number: "R003", ahead: 1, url })).toBeNull();
    expect(readPushPayload({ v: 1, kind: "called", number: "R003", url })).toBeNull();
    expect(readPushPayload({ v: 1, kind: "near", number: "R003", ahead: 1, url: "javascript:alert(1)" })).toBeNull();
    expect(readPushPayload("text")).toBeNull();
  });
});

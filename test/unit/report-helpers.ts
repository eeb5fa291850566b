/** Hand-made programs and participants for the aggregation tests. */
import type { Participant } from "../../src/domain/participant.js";
import type { Program } from "../../src/domain/program.js";

export const DISTRICTS = [
  { code: "35.14.01", name: "Purwodadi" },
  { code: "35.14.02", name: "Tutur" },
  { code: "35.14.03", name: "Puspo" },
];

export function program(over: Partial<Program> = {}): Program {
  return {
    file: "p.yaml", dir: "/", id: "p", title: "Pelatihan P", organizer: "Disperindag", region: "35.14",
    venue: "Bangil", start: "2022-11-07", end: "2022-11-10", days: 4, fiscalYear: 2022,
    participants: "p.csv", participantsPath: "/p.csv",
    quota: { total: 20, groups: [] },
    eligibility: { disabilityRequired: false },
    completion: { minAttendance: 0.8, attendanceCertificate: false },
    musrenbang: [],
    ...over,
  };
}

let serial = 0;
/** A clean participant; NIK unique unless given. */
export function person(over: Partial<Participant> = {}): Participant {
  serial++;
  return {
    line: serial + 1, index: serial, nik: `351401010190${String(serial).padStart(4, "0")}`, name: `Orang ${serial}`,
    sex: "L", birthDate: "1990-01-01", district: DISTRICTS[0], districtText: "Purwodadi", villageText: "",
    disabilities: [], attendance: [], cells: [], errors: [], ineligible: [],
    ...over,
  } as Participant;
}

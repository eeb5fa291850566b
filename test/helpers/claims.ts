/** A signed-claim fixture: the sample handicraft program's first certificate. */
import type { CertificateClaim } from "../../src/domain/certificate-claim.js";

export function sampleClaim(over: Partial<CertificateClaim> = {}): CertificateClaim {
  return {
    number: "500.8.1/001/424.083/2022",
    name: "Ni Luh Putu Ayu Sri Wahyuningsih Pratiwi",
    program: "handicraft-disabilitas-2022",
    title: "Pelatihan Handicraft bagi Penyandang Disabilitas",
    start: "2022-11-07",
    end: "2022-11-10",
    issuer: "Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan",
    issued: "2022-11-11",
    kind: "sertifikat",
    keyId: "",
    ...over,
  };
}

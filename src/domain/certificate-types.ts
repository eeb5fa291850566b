/**
 * What a certificate says, shared by the certificate rules, the register, the signer and
 * the PDF renderer. Every text here is ready to print: formatted in Indonesian, never a
 * full NIK, never a disability.
 */

/** `sertifikat`: completed (lulus); `keterangan`: surat keterangan mengikuti pelatihan. */
export type CertificateKind = "sertifikat" | "keterangan";

export interface CertificateSignatory {
  /** Name with titles as written, e.g. "Ir. Hj. Siti Aminah, M.M.". */
  nama: string;
  /** Position, e.g. "Kepala Dinas Perindustrian dan Perdagangan". */
  jabatan: string;
  /** NIP grouped as written on documents ("19680411 199303 1 009"), or "". */
  nip: string;
  /** Rank (pangkat/golongan), or "". */
  pangkat: string;
  /** Absolute path of a signature scan (PNG/JPEG), when the program gives one. */
  tandaTangan?: string;
}

/**
 * Template placeholders are the snake_case keys below ({{nama}}, {{nomor}}, ...) and, per
 * signatory i = 1..3, {{ttdI_nama}}, {{ttdI_jabatan}}, {{ttdI_nip}}, {{ttdI_pangkat}}.
 */
export interface CertificateFields {
  kind: CertificateKind;
  /** Document title: "SERTIFIKAT" or "SURAT KETERANGAN". */
  jenis: string;
  /** Participant name exactly as written in the list (NFC). */
  nama: string;
  /** Masked NIK ("3514********0002") when the program sets certificate.show_nik, else "". */
  nik: string;
  /** Program title. */
  judul: string;
  /** Organiser (penyelenggara). */
  penyelenggara: string;
  /** Venue. */
  tempat: string;
  /** Training dates in Indonesian, e.g. "7-10 November 2022". */
  tanggal: string;
  /** Hours in JP as a number ("32"), or "" when the program does not set them. */
  jp: string;
  /** Result line, e.g. "Lulus" or "Telah mengikuti pelatihan". */
  hasil: string;
  /** Certificate number, e.g. "500.8.1/015/424.083/2022". */
  nomor: string;
  /** Signing place and date, e.g. "Pasuruan, 11 November 2022". */
  tempat_tanggal_terbit: string;
  /** Short verification code printed on the certificate. */
  kode: string;
  /** Partner institution, or "". */
  mitra: string;
  /** One to three signatories, in order. */
  signatories: CertificateSignatory[];
  /** Absolute path of the office logo (PNG/JPEG/SVG), when the program gives one. */
  logo?: string;
  /** Full signed token: the QR code's content and the PDF's VerificationToken metadata. */
  token: string;
  /** ISO issue date: the PDF's creation date (no clock, so reruns give the same bytes). */
  tanggal_terbit_iso: string;
}

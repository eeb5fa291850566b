/**
 * The programs of the sample workspace (used by make-sample-data.js): each one's YAML and
 * how its participant list is drawn and written. Kept in the order the year ran, because
 * two people of an earlier list come back in a later one.
 */

const ORGANIZER = "Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan";
// Never reached in 2022: the MUSRENBANG priority list of the sample report.
const NOT_REACHED_2022 = new Set(["Tutur", "Lumbang", "Tosari"]);
const ALL = [
  "Purwodadi", "Tutur", "Puspo", "Lumbang", "Pasrepan", "Kejayan", "Wonorejo", "Purwosari",
  "Sukorejo", "Prigen", "Pandaan", "Gempol", "Beji", "Bangil", "Rembang", "Kraton",
  "Pohjentrek", "Gondangwetan", "Winongan", "Grati", "Nguling", "Lekok", "Rejoso", "Tosari",
];
const REACHED_2022 = ALL.filter((d) => !NOT_REACHED_2022.has(d));
const PRODUCTS = ["keripik tempe", "sambal pecel", "kerupuk ikan", "abon lele", "dodol nangka", "bandeng presto", "kue kering", "rengginang", "madu mangsa", "kopi bubuk", "kerupuk samiler", "jamu instan", "sari apel", "tahu walik"];

const sexBy = (c, p) => () => (c.rand() < p ? "P" : "L");

/** Attendance marks for `days` days with `absent` days missed, marks drawn from `marks`. */
function marks(c, days, absent, present, absentMarks) {
  const out = Array.from({ length: days }, () => present);
  const slots = c.shuffle([...Array(days).keys()]).slice(0, absent);
  for (const s of slots) out[s] = c.pick(absentMarks);
  return out;
}

const pangan = {
  id: "ikm-pangan-2022",
  start: "2022-03-15",
  ages: [23, 60],
  phoneStyle: "intl",
  file: { delimiter: ";", eol: "\r\n" },
  build(c, shared) {
    this.sexOf = sexBy(c, 0.7);
    // A young snack maker from Kraton who comes back for digital marketing in August.
    shared.youngOwner = c.makePerson({ ...this, ages: [24, 27] }, "Kraton", { sex: "L" });
    // Registered in Kota Pasuruan before moving across the border: NIK_REGION warning.
    const moved = c.makePerson(this, "Pohjentrek", { sex: "P", area: "35.75.01" });
    const districts = c.spread(24, REACHED_2022, 3, 12, ["Kraton", "Pohjentrek"]);
    const people = c.shuffle([shared.youngOwner, moved, ...districts.slice(2).map((d) => c.makePerson(this, d))]);
    const header = ["No", "No. KTP", "Nama Lengkap", "L/P", "Tgl Lahir", "Kec.", "Desa/Kel", "No HP", "NIB", "Hadir 1", "Hadir 2", "Hadir 3", "Keterangan"];
    const rows = people.map((p, i) => [
      i + 1, p.nik, p.name, p.sex, c.FORMATS["dd-mm-yyyy"](p.birth), p.district.name, p.village, p.phone,
      c.chance(0.85) ? p.nib ?? (p.nib = c.makeNib()) : "-",
      ...marks(c, 3, i % 11 === 4 ? 1 : 0, "H", ["I", "S"]),
      c.pick(PRODUCTS),
    ]);
    return { header, rows };
  },
  yaml: `# Triwulan I: pelatihan keamanan pangan dan kemasan bagi pemilik IKM pangan.
id: ikm-pangan-2022
title: Pelatihan Keamanan Pangan dan Desain Kemasan bagi IKM Pangan
organizer: ${ORGANIZER}
region: "35.14"
venue: Aula Disperindag Kabupaten Pasuruan, Raci, Bangil
start: 2022-03-15
end: 2022-03-17
hours: 24
fiscal_year: 2022
target_group: Pemilik IKM pangan olahan rumah tangga
partner: Dinas Kesehatan Kabupaten Pasuruan (PIRT)
participants: ../participants/ikm-pangan-2022.csv
quota:
  total: 25
  per_district: 3
  min_districts: 10
eligibility:
  age: { min: 18, max: 65 }
completion:
  min_attendance: 0.8
budget:
  allocated: 37500000
  spent: 36120000
indicator:
  name: Jumlah IKM pangan terlatih
  unit: orang
  target: 25
musrenbang: ["MUS-2021-35.14-0187", "MUS-2021-35.14-0203"]
activity_code: "3.31.02.2.01.0001"
unit: Bidang Perindustrian
`,
};

const batik = {
  id: "batik-tulis-perempuan-2022",
  start: "2022-06-13",
  ages: [19, 52],
  phoneStyle: "dashed",
  file: { delimiter: ",", eol: "\r\n", bom: true },
  build(c, shared) {
    this.sexOf = () => "P";
    // A woman with a physical disability who also joins the handicraft training in November.
    const w = { ...c.makePerson({ ...this, ages: [30, 40] }, "Gempol"), disability: "fisik" };
    shared.batikWoman = w;
    const districts = c.spread(25, REACHED_2022, 3, 14, ["Gempol"]);
    const people = c.shuffle([w, ...districts.slice(1).map((d) => c.makePerson(this, d))]);
    const reserve = [0, 1, 2].map(() => c.makePerson(this, c.pick(REACHED_2022)));
    const tooOld = c.makePerson({ ...this, ages: [57, 59] }, "Wonorejo");
    const header = ["No", "NIK", "Nama Peserta", "Jenis Kelamin", "Tgl. Lahir", "Kecamatan", "Desa/Kelurahan", "Ragam Disabilitas", "No. HP", "Tgl Daftar", "Status", "Hari 1", "Hari 2", "Hari 3", "Hari 4", "Hari 5", "Alasan"];
    const registered = (day) => c.FORMATS["dd/mm/yyyy"](c.fromDay(c.toDay("2022-05-09") + day));
    const row = (p, i, status, attendance, reason = "") => [
      i + 1, p.nik, p.name, "Perempuan", c.FORMATS["dd/mm/yyyy"](p.birth), p.district.name, p.village,
      p.disability ?? "-", p.phone, registered(Math.min(20, Math.floor(i * 0.7))), status, ...attendance, reason,
    ];
    const rows = people.map((p, i) => row(p, i, "peserta", marks(c, 5, i === 14 ? 2 : i % 6 === 3 ? 1 : 0, "H", ["S", "I"])));
    reserve.forEach((p, j) => rows.push(row(p, rows.length, "cadangan", ["", "", "", "", ""], `cadangan ke-${j + 1}`)));
    rows.push(row(tooOld, rows.length, "tidak memenuhi syarat", ["", "", "", "", ""], "usia di atas 55 tahun"));
    return { header, rows };
  },
  yaml: `# Triwulan II: batik tulis untuk perempuan (status peserta / cadangan di daftar).
id: batik-tulis-perempuan-2022
title: Pelatihan Batik Tulis bagi Perempuan Pelaku Usaha
organizer: ${ORGANIZER}
region: "35.14"
venue: Pendopo Kecamatan Kraton
start: 2022-06-13
end: 2022-06-17
hours: 40
fiscal_year: 2022
target_group: Perempuan usia produktif, ibu rumah tangga dan pelaku usaha mikro
partner: Dekranasda Kabupaten Pasuruan
participants: ../participants/batik-tulis-perempuan-2022.csv
quota:
  total: 25
  per_district: 3
  min_districts: 12
eligibility:
  sex: P
  age: { min: 18, max: 55 }
completion:
  min_attendance: 80%
budget:
  allocated: 62500000
  spent: 61875000
indicator:
  name: Jumlah perempuan pelaku usaha terlatih
  unit: orang
  target: 25
musrenbang: ["MUS-2021-35.14-0095"]
activity_code: "3.31.02.2.01.0002"
unit: Bidang Perindustrian
`,
};

const digital = {
  id: "digital-marketing-pemuda-2022",
  start: "2022-08-23",
  ages: [18, 30],
  phoneStyle: "plain",
  file: { delimiter: ",", eol: "\n" },
  build(c, shared) {
    // 13 women and 15 men, one of them the snack maker of March
    const sexes = c.shuffle([...Array(13).fill("P"), ...Array(14).fill("L")]);
    this.sexOf = () => sexes.pop();
    const owner = { ...shared.youngOwner, phone: c.makePhone("plain") };
    const districts = c.spread(28, REACHED_2022, 3, 15, [owner.district.name]);
    const people = c.shuffle([owner, ...districts.slice(1).map((d) => c.makePerson(this, d))]);
    const header = ["No.", "No KTP", "Nama", "JK", "Tanggal Lahir", "Kec", "Kelurahan", "WA", "Tgl Daftar", "Hadir 1", "Hadir 2", "Hadir 3"];
    const rows = people.map((p, j) => [
      j + 1, p.nik, p.name, c.chance(0.5) ? p.sex : p.sex === "L" ? "Laki-laki" : "Perempuan",
      c.iso(p.birth), p.district.name.toUpperCase(), p.village, p.phone,
      c.iso(c.fromDay(c.toDay("2022-07-25") + Math.floor(j / 2))),
      ...marks(c, 3, j % 9 === 7 ? 1 : 0, "1", ["0"]),
    ]);
    return { header, rows };
  },
  yaml: `# Triwulan III: pemasaran digital untuk wirausaha muda (usia 18-30).
id: digital-marketing-pemuda-2022
title: Pelatihan Digital Marketing bagi Wirausaha Muda
organizer: ${ORGANIZER}
region: "35.14"
venue: Aula Kantor Kecamatan Pandaan
start: 2022-08-23
end: 2022-08-25
hours: 24
fiscal_year: 2022
target_group: Pemuda usia 18-30 tahun yang merintis usaha
participants: ../participants/digital-marketing-pemuda-2022.csv
quota:
  total: 30
  per_district: 3
  min_districts: 12
  groups:
    - { field: jenis_kelamin, value: P, min: 10 }
eligibility:
  age: { min: 18, max: 30 }
completion:
  min_attendance: 0.8
budget:
  allocated: 40000000
  spent: 38950000
indicator:
  name: Jumlah wirausaha muda terlatih
  unit: orang
  target: 30
musrenbang: ["MUS-2021-35.14-0331", "MUS-2021-35.14-0342"]
activity_code: "3.30.03.2.01.0004"
unit: Bidang Perdagangan
`,
};

const KEC_FORMS = [(n) => n, (n) => n, (n) => n, (n) => `Kec. ${n}`, (n) => n.toUpperCase(), (n) => `Kecamatan ${n}`];

const handicraft = {
  id: "handicraft-disabilitas-2022",
  start: "2022-11-07",
  ages: [20, 55],
  phoneStyle: "mixed",
  file: { delimiter: ",", eol: "\n" },
  build(c, shared) {
    this.sexOf = sexBy(c, 0.45);
    const w = { ...shared.batikWoman, phone: c.makePhone("plain") };
    const districts = c.spread(20, REACHED_2022, 2, 16, [w.district.name]);
    const people = c.shuffle([w, ...districts.slice(1).map((d) => c.makePerson(this, d))]);
    const header = ["nik", "nama", "jenis_kelamin", "tanggal_lahir", "kecamatan", "desa", "disabilitas", "telepon", "hadir_1", "hadir_2", "hadir_3", "hadir_4", "nib", "pameran", "tanggal_daftar"];
    const missed = new Set([6, 13]); // two people missed two days: they do not complete
    const rows = people.map((p, j) => [
      p.nik, p.name, p.sex, c.FORMATS.mixed(p.birth), c.pick(KEC_FORMS)(p.district.name), p.village,
      "fisik", p.phone, ...marks(c, 4, missed.has(j) ? 2 : 0, "H", ["I", "S", "A"]),
      missed.has(j) || j % 8 === 2 ? "" : c.makeNib(), c.chance(0.4) && !missed.has(j) ? "ya" : "tidak",
      c.FORMATS.dmy(c.fromDay(c.toDay("2022-10-17") + Math.floor(j / 3))),
    ]);
    return { header, rows };
  },
  yaml: `# Triwulan IV: program dari berita majanews.com (11/11/2022). Peserta direkrut lewat
# Dinas Sosial dari kecamatan se-Kabupaten Pasuruan; semua sudah bisa menjahit.
id: handicraft-disabilitas-2022
title: Pelatihan Handicraft bagi Penyandang Disabilitas
organizer: ${ORGANIZER}
region: "35.14"
venue: Gazebo Latek, Bangil
start: 2022-11-07
end: 2022-11-10
hours: 32
fiscal_year: 2022
target_group: Penyandang disabilitas fisik yang sudah bisa menjahit
partner: Dekranasda Kabupaten Pasuruan
notes: Materi tempat tisu, tempat air mineral dan tempat sendok; narasumber Satrya Emas membantu pembuatan NIB.
participants: ../participants/handicraft-disabilitas-2022.csv
quota:
  total: 20
  per_district: 2
  min_districts: 10
eligibility:
  disability_required: true
  age: { min: 18, max: 60 }
completion:
  min_attendance: 0.8
certificate:
  template: formal                      # formal (A4 mendatar) atau potret, atau berkas .svg sendiri
  number: "500.8.1/{seq:03}/424.083/{year}"
  place: Pasuruan
  date: 2022-11-11
  logo: ../gambar/logo-contoh.svg       # logo contoh yang netral: ganti dengan logo kantor
  signatories:
    - name: Drs. Agus Wicaksono, M.Si.      # tokoh rekaan / fictitious person
      position: Kepala Dinas Perindustrian dan Perdagangan Kabupaten Pasuruan
      rank: Pembina Utama Muda (IV/c)
      nip: "197203151998031007"
budget:
  allocated: 45000000
  spent: 43750000
indicator:
  name: Jumlah peserta pelatihan
  unit: orang
  target: 20
musrenbang: ["MUS-2021-35.14-0412"]
activity_code: "3.31.02.2.01.0003"
unit: Bidang Perindustrian
`,
};

const anyaman = {
  id: "anyaman-bambu-2021",
  start: "2021-10-19",
  ages: [20, 58],
  phoneStyle: "plain",
  file: { delimiter: ",", eol: "\n" },
  build(c) {
    this.sexOf = sexBy(c, 0.5);
    const districts = ["Tutur", ...c.spread(11, ["Purwodadi", "Puspo", "Pasrepan", "Kejayan", "Wonorejo", "Purwosari", "Sukorejo", "Prigen"], 2, 7)];
    const people = districts.map((d) => c.makePerson(this, d));
    const header = ["nik", "nama", "jenis_kelamin", "tanggal_lahir", "kecamatan", "desa", "disabilitas", "telepon", "hadir_1", "hadir_2", "hadir_3"];
    const rows = people.map((p, j) => [
      p.nik, p.name, p.sex, c.FORMATS.dmy(p.birth), p.district.name, p.village, "", p.phone,
      ...marks(c, 3, j === 4 ? 1 : 0, "ya", ["tidak"]),
    ]);
    return { header, rows };
  },
  yaml: `# Tahun anggaran 2021: program kecil di kecamatan lereng (untuk perbandingan antar tahun).
id: anyaman-bambu-2021
title: Pelatihan Kerajinan Anyaman Bambu
organizer: ${ORGANIZER}
region: "35.14"
venue: Balai Desa Ngadirejo, Tutur
start: 2021-10-19
end: 2021-10-21
hours: 24
fiscal_year: 2021
target_group: Perajin bambu rumahan
participants: ../participants/anyaman-bambu-2021.csv
quota:
  total: 15
  per_district: 2
  min_districts: 6
eligibility:
  age: { min: 18, max: 60 }
completion:
  min_attendance: 0.8
budget:
  allocated: 30000000
  spent: 29400000
indicator:
  name: Jumlah perajin terlatih
  unit: orang
  target: 15
musrenbang: ["MUS-2020-35.14-0264"]
activity_code: "3.31.02.2.01.0003"
unit: Bidang Perindustrian
`,
};

export const PROGRAMS = [anyaman, pangan, batik, digital, handicraft];

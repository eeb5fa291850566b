/**
 * The parts every workbook written as SpreadsheetML has (content types, relationships,
 * document properties, workbook with its sheets and defined names), zipped with one fixed
 * date: the roster's and the report's workbooks differ only in their sheets and styles.
 */
import { zip, type Packed, type ZipEntry } from "./zip-write.js";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// characters XML 1.0 cannot carry at all, and the five it must escape
// eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPE = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function xmlText(s: string): string {
  return s.replace(INVALID_XML, "").replace(ESCAPE, (c) => ENTITIES[c] ?? c);
}

/** Column letters: 0 -> A, 26 -> AA. */
export function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface XlsxSheet {
  name: string;
  /** The worksheet XML, possibly in chunks (a large sheet is never one string), or already deflated. */
  data: readonly Buffer[] | Packed;
  /** Defined names local to the sheet, as `name -> reference` (`_xlnm.Print_Titles` ...). */
  names: [string, string][];
}

export interface XlsxParts {
  title: string;
  /** The workbook's created and modified time (W3CDTF, UTC); its date is every zip entry's date. */
  when: string;
  sheets: XlsxSheet[];
  styles: string;
  sharedStrings?: readonly Buffer[];
  /** Formulas with cached results: Excel recalculates them on opening. */
  recalculate?: boolean;
}

/** `'Sheet name'!`, quoted for a reference. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

export function xlsxPackage(p: XlsxParts): Buffer {
  const n = p.sheets.length;
  const overrides =
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    p.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (p.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : "") +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        `<Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`,
    ],
    [
      "_rels/.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      "docProps/core.xml",
      `${HEAD}<cp:coreProperties xmlns:cp="${PKG_REL.replace("relationships", "metadata/core-properties")}" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:title>${xmlText(p.title)}</dc:title><dc:creator>pelatihan</dc:creator><cp:lastModifiedBy>pelatihan</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${p.when}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${p.when}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      "xl/workbook.xml",
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
        p.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        "</sheets><definedNames>" +
        p.sheets.flatMap((s, i) => s.names.map(([name, ref]) => `<definedName name="${name}" localSheetId="${i}"${name === "_xlnm._FilterDatabase" ? ' hidden="1"' : ""}>${xmlText(ref)}</definedName>`)).join("") +
        `</definedNames>${p.recalculate ? '<calcPr calcId="0" fullCalcOnLoad="1"/>' : ""}</workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        p.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        (p.sharedStrings ? `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
        "</Relationships>",
    ],
    ["xl/styles.xml", p.styles],
  ];
  const entries: ZipEntry[] = files.map(([name, text]) => ({ name, data: [Buffer.from(text, "utf8")] }));
  p.sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    entries.push("packed" in s.data ? { name, ...s.data } : { name, data: s.data });
  });
  if (p.sharedStrings) entries.push({ name: "xl/sharedStrings.xml", data: p.sharedStrings });
  return zip(entries, p.when.slice(0, 10));
}

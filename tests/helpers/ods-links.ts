/**
 * .ods files written by hand the way LibreOffice writes some of its own test files: a DDE link
 * (whose cached table SheetJS reads as a sheet without a name), an external link in a formula,
 * and styled empty cells. Parsers hand back odd values for these; the importer must not crash.
 */
import * as XLSX from 'xlsx';

const NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"';

export function odsWithLinks(sheetName = 'Chỉ tiêu'): Buffer {
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.2"><office:body><office:spreadsheet>` +
    `<table:table table:name="${sheetName}">` +
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Báo cáo</text:p></table:table-cell><table:table-cell table:style-name="ce1"/><table:table-cell table:number-columns-repeated="1000" table:style-name="ce1"/></table:table-row>' +
    `<table:table-row><table:table-cell table:formula="of:=['file:///C:/bao-cao.ods'#$Sheet1.A1]" office:value-type="float" office:value="7"/><table:table-cell table:formula="of:=DDE(&quot;soffice&quot;;&quot;x.ods&quot;;&quot;A1&quot;)" office:value-type="float" office:value="5"/></table:table-row>` +
    '</table:table>' +
    '<table:dde-links><table:dde-link><office:dde-source office:dde-application="soffice" office:dde-topic="file:///x.ods" office:dde-item="A1" office:conversion-mode="into-default-style-data-style"/>' +
    '<table:table><table:table-column/><table:table-row><table:table-cell office:value-type="float" office:value="5"/></table:table-row></table:table></table:dde-link></table:dde-links>' +
    '</office:spreadsheet></office:body></office:document-content>';
  const files: Record<string, string> = {
    mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
    'content.xml': content,
    'styles.xml': `<?xml version="1.0"?><office:document-styles ${NS} office:version="1.2"/>`,
    'META-INF/manifest.xml':
      '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
  };
  const zip = XLSX.CFB.utils.cfb_new({ fileType: 'zip' } as never);
  for (const [name, data] of Object.entries(files)) XLSX.CFB.utils.cfb_add(zip, name, Buffer.from(data, 'utf8'));
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer;
}

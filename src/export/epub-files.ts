/** The fixed and templated files of an EPUB 3 book. All text arguments are escaped here. */
import { escapeXml } from './xml';

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

export const BOOK_CSS = `body { font-family: serif; line-height: 1.5; margin: 0 5%; }
h1 { font-size: 1.6em; line-height: 1.2; }
.meta { font-size: .85em; font-style: italic; }
img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; font-size: .85em; }
blockquote { margin-left: 1em; padding-left: 1em; border-left: 2px solid #999; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: .2em .4em; }
`;

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface PackageInfo {
  identifier: string;
  title: string;
  language: string;
  creators: string[];
  source?: string;
  /** CCYY-MM-DDThh:mm:ssZ, as EPUB requires for dcterms:modified. */
  modified: string;
  items: ManifestItem[];
  spine: string[];
  rtl: boolean;
}

export function packageOpf(info: PackageInfo): string {
  const creators = info.creators.map((c) => `\n    <dc:creator>${escapeXml(c)}</dc:creator>`).join('');
  const source = info.source ? `\n    <dc:source>${escapeXml(info.source)}</dc:source>` : '';
  const items = info.items
    .map((i) => `    <item id="${i.id}" href="${escapeXml(i.href)}" media-type="${i.mediaType}"${i.properties ? ` properties="${i.properties}"` : ''}/>`)
    .join('\n');
  const spine = info.spine.map((id) => `    <itemref idref="${id}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${info.language}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(info.identifier)}</dc:identifier>
    <dc:title>${escapeXml(info.title)}</dc:title>
    <dc:language>${info.language}</dc:language>${creators}${source}
    <meta property="dcterms:modified">${info.modified}</meta>
  </metadata>
  <manifest>
${items}
  </manifest>
  <spine${info.rtl ? ' page-progression-direction="rtl"' : ''}>
${spine}
  </spine>
</package>
`;
}

export interface TocEntry {
  href: string;
  title: string;
}

export function navXhtml(title: string, language: string, entries: TocEntry[]): string {
  const list = entries.map((e) => `      <li><a href="${escapeXml(e.href)}">${escapeXml(e.title)}</a></li>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${language}" xml:lang="${language}">
<head><title>${escapeXml(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
  <nav epub:type="toc" id="toc">
    <h1>${escapeXml(title)}</h1>
    <ol>
${list}
    </ol>
  </nav>
</body>
</html>
`;
}

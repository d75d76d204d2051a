// Validates a manifest with xmllint against the official schemas, offline: an XML
// catalog maps the one remote import (the W3C xml.xsd) to its local copy, and a
// driver schema imports every SCORM namespace so extension elements are checked too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The official schema set, as copied into the project (resources/scorm-xsd/README.md says from where). */
export const XSD_ROOT = path.resolve(repoRoot, 'resources/scorm-xsd');

const NAMESPACES = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'scorm12/imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'scorm12/adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'scorm12/imsmd_rootv1p2p1.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'scorm2004-4th/imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'scorm2004-4th/adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'scorm2004-4th/adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'scorm2004-4th/adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'scorm2004-4th/imsss_v1p0.xsd'],
    ['http://ltsc.ieee.org/xsd/LOM', 'scorm2004-4th/lom.xsd'],
  ],
} as const;

/** Result of one validation: whether it passed and xmllint's complaints about the manifest. */
export interface ManifestCheck {
  valid: boolean;
  errors: string[];
}

/** Runs xmllint --nonet --schema on a manifest text for the given standard. */
export function validateManifest(xml: string, standard: 'scorm12' | 'scorm2004'): ManifestCheck {
  const dir = mkdtempSync(path.join(tmpdir(), 'hcs-xsd-'));
  try {
    const catalog = path.join(dir, 'catalog.xml');
    writeFileSync(
      catalog,
      `<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n` +
        `  <uri name="http://www.w3.org/2001/xml.xsd" uri="file://${XSD_ROOT}/scorm2004-4th/xml.xsd"/>\n` +
        `  <system systemId="http://www.w3.org/2001/xml.xsd" uri="file://${XSD_ROOT}/scorm2004-4th/xml.xsd"/>\n</catalog>\n`,
    );
    const imports = NAMESPACES[standard]
      .map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="file://${XSD_ROOT}/${file}"/>`)
      .join('\n');
    const driver = path.join(dir, 'driver.xsd');
    writeFileSync(driver, `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${imports}\n</xs:schema>\n`);
    const manifest = path.join(dir, 'imsmanifest.xml');
    writeFileSync(manifest, xml);
    let output = '';
    let valid = true;
    try {
      execFileSync('xmllint', ['--nonet', '--noout', '--schema', driver, manifest], {
        env: { ...process.env, XML_CATALOG_FILES: catalog },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      valid = false;
      output = String((e as { stderr?: Buffer }).stderr ?? e);
    }
    // ims_xml.xsd's default-namespace defect is known noise from the official 1.2 set.
    const errors = output
      .split('\n')
      .filter((l) => l.trim() && !/ims_xml\.xsd|xml namespace URI cannot be the default namespace|^\s*\^|xmlns="http:\/\/www\.w3\.org\/XML/.test(l));
    return { valid, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { fixedZipDate, packZip, readZipText, repackZip, unpackZip } from './zip-entries.js';
